# macOS: the bundle's deployment and the disk image. Included by PortalInstall.cmake.

# Qt's frameworks and plugins are copied into the bundle.
qt_generate_deploy_app_script(
    TARGET customer-portal
    FILENAME_VARIABLE portal_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${portal_deploy_script})

set(CPACK_DMG_VOLUME_NAME "Customer Portal")
set(CPACK_GENERATOR "DragNDrop")
