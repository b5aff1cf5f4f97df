# macOS: the app bundle's identity, Qt's frameworks deployed into it, and a DragNDrop disk image.
# Included by PortalInstall.cmake; docs/packaging.md says how to build it.

# The bundle is CustomerPortal.app. Not "Customer Portal.app": Qt 6.4's generated deploy script
# passes the bundle name to macdeployqt unquoted, and a space splits it in two. The name people
# see in the menu bar and the Dock is CFBundleName, which has the space.
set_target_properties(customer-portal PROPERTIES
    OUTPUT_NAME "CustomerPortal"
    MACOSX_BUNDLE_INFO_PLIST "${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist.in"
    MACOSX_BUNDLE_BUNDLE_NAME "Customer Portal"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${PORTAL_APP_ID}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_COPYRIGHT "Copyright (c) 2026 Customer Portal developers. MIT License."
    MACOSX_BUNDLE_ICON_FILE "CustomerPortal.icns")

# The icon goes into the bundle's Resources. Source file properties belong to a directory, so the
# property is set in the directory that defines the target (app/).
set(_portal_icns "${PROJECT_SOURCE_DIR}/packaging/macos/CustomerPortal.icns")
target_sources(customer-portal PRIVATE "${_portal_icns}")
set_source_files_properties("${_portal_icns}" TARGET_DIRECTORY customer-portal
    PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

# Qt's frameworks and plugins are copied into the bundle (macdeployqt). QtKeychain is linked
# statically (cmake/PortalKeychain.cmake), so no other library needs deploying.
portal_deploy_qt_runtime()

# Stripping and macdeployqt's rewriting of library paths invalidate the signatures in the bundle,
# and Apple Silicon runs no unsigned code: sign the deployed bundle again, ad hoc. That is enough to
# start it on the machine that built it; for other Macs it needs a Developer ID signature and
# notarization (not done, see docs/packaging.md).
install(CODE "
    execute_process(
        COMMAND codesign --force --deep --sign -
            \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/$<TARGET_FILE_NAME:customer-portal>.app\"
        COMMAND_ERROR_IS_FATAL ANY)
")

# customer-portal-<version>-macOS.dmg: the bundle and a link to /Applications to drag it onto.
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_PACKAGE_FILE_NAME "customer-portal-${PROJECT_VERSION}-macOS")
set(CPACK_DMG_VOLUME_NAME "Customer Portal")
# No click-through license agreement when the image is opened (the MIT license asks for none).
set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
