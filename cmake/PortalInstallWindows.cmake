# Windows: the Qt runtime next to the executable and an MSI (CPack WIX) for per-machine
# installation, which is what group policy software deployment and other MSI-based deployment
# tools install. A ZIP of the same tree is built beside it. Included by PortalInstall.cmake;
# docs/packaging.md says how to build it.

# Qt's libraries and plugins are copied next to the executable (windeployqt). QtKeychain is linked
# statically (cmake/PortalKeychain.cmake), so no other DLL needs deploying.
portal_deploy_qt_runtime()

# "Customer Portal" is the product name shown in Apps & features and in the installer; the files
# keep the lowercase name and the version: customer-portal-<version>-win64.msi / .zip.
set(CPACK_PACKAGE_NAME "Customer Portal")
set(CPACK_PACKAGE_FILE_NAME "customer-portal-${PROJECT_VERSION}-win64")
set(CPACK_GENERATOR "WIX;ZIP")

# The upgrade code identifies the product across all of its versions: every later MSI with the
# same code replaces the installed one (a major upgrade). It was generated once for this project
# and must never change, or new versions would install beside the old ones.
set(CPACK_WIX_UPGRADE_GUID "B96ACA8D-72F6-4513-A465-FF88BE377CA2")

# WiX: the .NET tool (v4 or later, `wix build`) with CMake 3.30 or later, otherwise WiX v3
# (candle/light). -DPORTAL_WIX_VERSION=3 keeps WiX v3 with a newer CMake.
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.30)
    set(_portal_wix_default 4)
else()
    set(_portal_wix_default 3)
endif()
set(PORTAL_WIX_VERSION ${_portal_wix_default} CACHE STRING
    "WiX Toolset generation for the MSI: 4 (the wix .NET tool, v4 or later; CMake 3.30+) or 3")
if(PORTAL_WIX_VERSION VERSION_GREATER_EQUAL 4)
    if(CMAKE_VERSION VERSION_LESS 3.30)
        message(FATAL_ERROR "PORTAL_WIX_VERSION=${PORTAL_WIX_VERSION} needs CMake 3.30 or later")
    endif()
    set(CPACK_WIX_VERSION 4)
endif()

# Per machine: installed under Program Files for every user, with the Start menu entry and the
# Apps & features registration in the all-users locations. CMake 3.29 added the setting; before
# it, the ALLUSERS property gives the same package scope with CPack's default WiX v3 template.
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
    set(CPACK_WIX_INSTALL_SCOPE "perMachine")
else()
    set(CPACK_WIX_PROPERTY_ALLUSERS "1")
endif()

# CPack WIX takes a license ending in .rtf or .txt (it converts .txt to RTF itself).
configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_BINARY_DIR}/packaging/LICENSE.txt COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_BINARY_DIR}/packaging/LICENSE.txt")

# The Start menu entry comes from CPACK_PACKAGE_EXECUTABLES (PortalInstall.cmake): "." puts it
# directly into the Start menu rather than into a folder of its own.
set(CPACK_WIX_PROGRAM_MENU_FOLDER ".")
set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/customer-portal.ico")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${PROJECT_DESCRIPTION}")
