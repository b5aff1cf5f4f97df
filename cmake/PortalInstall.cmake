# Install rules and installers (CPack). See docs/packaging.md.
include(GNUInstallDirs)

install(TARGETS customer-portal
    BUNDLE DESTINATION .
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

if(UNIX AND NOT APPLE)
    install(FILES packaging/linux/${PORTAL_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES packaging/linux/${PORTAL_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES resources/icons/app.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${PORTAL_APP_ID}.svg)
else()
    # Windows and macOS get Qt's libraries and plugins copied next to the executable; on Linux the
    # package depends on the distribution's Qt instead.
    qt_generate_deploy_app_script(
        TARGET customer-portal
        FILENAME_VARIABLE portal_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${portal_deploy_script})
endif()

set(CPACK_PACKAGE_NAME "customer-portal")
set(CPACK_PACKAGE_VENDOR "Customer Portal developers")
set(CPACK_PACKAGE_CONTACT "Customer Portal developers <packaging@customerportal.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Customer Portal")
set(CPACK_PACKAGE_EXECUTABLES "customer-portal" "Customer Portal")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)

# Debian/Ubuntu: dependencies come from dpkg-shlibdeps, plus the runtime pieces it cannot see.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6svg6, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")

# Windows: an NSIS installer with a Start menu entry; macOS: a drag-and-drop disk image.
set(CPACK_NSIS_DISPLAY_NAME "Customer Portal")
set(CPACK_NSIS_PACKAGE_NAME "Customer Portal")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "customer-portal.exe")
set(CPACK_DMG_VOLUME_NAME "Customer Portal")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

include(CPack)
