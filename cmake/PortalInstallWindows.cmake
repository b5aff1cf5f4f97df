# Windows: the installer's settings. Included by PortalInstall.cmake.

# Qt's libraries and plugins are copied next to the executable.
qt_generate_deploy_app_script(
    TARGET customer-portal
    FILENAME_VARIABLE portal_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${portal_deploy_script})

set(CPACK_NSIS_DISPLAY_NAME "Customer Portal")
set(CPACK_NSIS_PACKAGE_NAME "Customer Portal")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "customer-portal.exe")
set(CPACK_GENERATOR "NSIS;ZIP")
