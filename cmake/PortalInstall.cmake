# Install rules and installers (CPack). See docs/packaging.md. What every platform shares is here;
# each platform's rules are in its own file.
include(GNUInstallDirs)

install(TARGETS customer-portal
    BUNDLE DESTINATION .
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(CPACK_PACKAGE_NAME "customer-portal")
set(CPACK_PACKAGE_VENDOR "Customer Portal developers")
set(CPACK_PACKAGE_CONTACT "Customer Portal developers <packaging@customerportal.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Customer Portal")
set(CPACK_PACKAGE_EXECUTABLES "customer-portal" "Customer Portal")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)

# Windows and macOS: Qt's libraries and plugins are copied next to the executable or into the
# bundle (windeployqt, macdeployqt) when it is installed. Qt 6.5 renamed the option that names
# the generated script.
function(portal_deploy_qt_runtime)
    if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
        qt_generate_deploy_app_script(
            TARGET customer-portal
            OUTPUT_SCRIPT portal_deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(
            TARGET customer-portal
            FILENAME_VARIABLE portal_deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${portal_deploy_script})
endfunction()

if(WIN32)
    include(cmake/PortalInstallWindows.cmake)
elseif(APPLE)
    include(cmake/PortalInstallMacOS.cmake)
else()
    include(cmake/PortalInstallLinux.cmake)
endif()

include(CPack)
