# Linux: install rules (desktop integration, icons, man page, package documentation) and the
# DEB/RPM/TGZ settings. Included by PortalInstall.cmake; docs/packaging.md describes the packages
# and packaging/linux/check-packages.sh builds, lints and install-tests them.

# The day this version was released: the AppStream <release>, the Debian and the RPM changelog.
# Set it together with the version in project() when releasing.
set(PORTAL_RELEASE_DATE "2026-11-29")

# "Sun, 29 Nov 2026 00:00:00 +0000" (Debian changelog) and "Sun Nov 29 2026" (RPM %changelog):
# both name the weekday, which dpkg and rpm check, so it is computed (Sakamoto's method).
function(portal_release_dates iso)
    string(REGEX MATCH "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$" _ok "${iso}")
    if(NOT _ok)
        message(FATAL_ERROR "PORTAL_RELEASE_DATE must be YYYY-MM-DD, not \"${iso}\"")
    endif()
    set(y ${CMAKE_MATCH_1})
    math(EXPR m "${CMAKE_MATCH_2}")
    math(EXPR d "${CMAKE_MATCH_3}")
    set(_offsets 0 3 2 5 0 3 5 1 4 6 2 4)
    math(EXPR _i "${m} - 1")
    list(GET _offsets ${_i} _t)
    set(_y ${y})
    if(m LESS 3)
        math(EXPR _y "${y} - 1")
    endif()
    math(EXPR _dow "(${_y} + ${_y} / 4 - ${_y} / 100 + ${_y} / 400 + ${_t} + ${d}) % 7")
    set(_days Sun Mon Tue Wed Thu Fri Sat)
    set(_months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
    list(GET _days ${_dow} _day)
    list(GET _months ${_i} _month)
    set(PORTAL_RELEASE_DATE_RFC2822 "${_day}, ${CMAKE_MATCH_3} ${_month} ${y} 00:00:00 +0000"
        PARENT_SCOPE)
    set(PORTAL_RELEASE_DATE_RPM "${_day} ${_month} ${CMAKE_MATCH_3} ${y}" PARENT_SCOPE)
endfunction()
portal_release_dates(${PORTAL_RELEASE_DATE})

set(_portal_linux_out ${PROJECT_BINARY_DIR}/packaging/linux)
set(_portal_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/${CPACK_PACKAGE_NAME})

# gzip -n: no name and no time stamp inside, so the same input gives the same bytes.
find_program(PORTAL_GZIP gzip REQUIRED)
function(portal_gzip input output)
    add_custom_command(OUTPUT ${output}
        COMMAND ${PORTAL_GZIP} -9 -n -c ${input} > ${output}
        DEPENDS ${input}
        COMMENT "Compressing ${output}")
endfunction()

# The installed executable finds Qt and QtKeychain where the system keeps them: no RUNPATH
# ($ORIGIN/../lib, which qt_standard_project_setup() sets, would search /usr/lib first; rpmlint
# reports it). Bound at load time (-z now) with a read-only GOT (-z relro), like Debian's own
# hardened builds.
set_target_properties(customer-portal PROPERTIES INSTALL_RPATH "")
target_link_options(customer-portal PRIVATE "LINKER:-z,relro" "LINKER:-z,now")

# Desktop entry and AppStream metadata (its version and release date come from here).
install(FILES packaging/linux/${PORTAL_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
configure_file(packaging/linux/${PORTAL_APP_ID}.metainfo.xml.in
    ${_portal_linux_out}/${PORTAL_APP_ID}.metainfo.xml @ONLY)
install(FILES ${_portal_linux_out}/${PORTAL_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Icons: the SVG as "scalable" and the PNGs packaging/icons/generate.sh made from it.
set(PORTAL_ICON_SIZES 16 22 24 32 48 64 128 256 512)
install(FILES resources/icons/app.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${PORTAL_APP_ID}.svg)
foreach(_size IN LISTS PORTAL_ICON_SIZES)
    install(FILES packaging/icons/hicolor/${_size}x${_size}/apps/${PORTAL_APP_ID}.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps)
endforeach()

# The man page, the changelog (a Debian changelog: the .deb is a native package, so it is
# changelog.gz) and the copyright file, all compressed where Debian policy wants them to be.
configure_file(packaging/linux/changelog.in ${_portal_linux_out}/changelog @ONLY)
portal_gzip(${PROJECT_SOURCE_DIR}/packaging/linux/customer-portal.1
    ${_portal_linux_out}/customer-portal.1.gz)
portal_gzip(${_portal_linux_out}/changelog ${_portal_linux_out}/changelog.gz)
add_custom_target(portal_linux_docs ALL
    DEPENDS ${_portal_linux_out}/customer-portal.1.gz ${_portal_linux_out}/changelog.gz)
install(FILES ${_portal_linux_out}/customer-portal.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${_portal_linux_out}/changelog.gz packaging/linux/copyright
    DESTINATION ${_portal_doc_dir})

# Debian/Ubuntu: customer-portal_<version>_<arch>.deb. Dependencies come from dpkg-shlibdeps,
# plus the runtime pieces it cannot see: QtKeychain loads libsecret with dlopen, Qt loads its
# SVG image plugin (the icons) and its platform plugins (xcb, wayland) at run time.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, libqt6svg6, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY (project()'s description); this is the extended
# description, wrapped for an 80-column terminal (lintian and rpmlint check the width).
set(PORTAL_LINUX_DESCRIPTION
    "Customer Portal is a native desktop client (Qt 6) for customer accounts
kept on a Django REST Framework server. Customers sign in or create an
account, see and edit their profile and sign out; support staff search
every customer and edit their profiles without overwriting a colleague's
change. Sign-in tokens are kept only in the desktop's keychain (Secret
Service).")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PORTAL_LINUX_DESCRIPTION}")

# RPM: customer-portal-<version>-1.<arch>.rpm. rpm's own dependency scan (AUTOREQ) finds the
# shared libraries; the dlopen()ed ones are required by their soname, which every RPM
# distribution's packages provide under its own package names.
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_DESCRIPTION "${PORTAL_LINUX_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_LICENSE "MIT")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
# Installed to /usr only: the files name each other by absolute path (desktop entry, metainfo).
set(CPACK_RPM_PACKAGE_RELOCATABLE OFF)
# Spec macros: the Packager tag (rpm takes it from %packager; CPack has no variable for it), and
# no /usr/lib/.build-id links: those folders are shared by every package, and the debug
# information they would point to is not packaged.
set(CPACK_RPM_SPEC_MORE_DEFINE
    "%define packager ${CPACK_PACKAGE_CONTACT}\n%define _build_id_links none")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
# An application provides nothing for others to link against.
set(CPACK_RPM_PACKAGE_AUTOPROV OFF)
if(CMAKE_SIZEOF_VOID_P EQUAL 8)
    set(_portal_rpm_abi "()(64bit)")
else()
    set(_portal_rpm_abi "")
endif()
set(CPACK_RPM_PACKAGE_REQUIRES
    "libsecret-1.so.0${_portal_rpm_abi}, libQt6Svg.so.6${_portal_rpm_abi}")
configure_file(packaging/linux/rpm-changelog.in ${_portal_linux_out}/rpm-changelog @ONLY)
set(CPACK_RPM_CHANGELOG_FILE ${_portal_linux_out}/rpm-changelog)
# The package owns its own files and its doc folder, never a folder the system or other
# packages share (rpm would otherwise list every parent folder of an installed file).
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/man
    /usr/share/man/man1
    /usr/share/applications
    /usr/share/metainfo
    /usr/share/icons
    /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps)
foreach(_size IN LISTS PORTAL_ICON_SIZES)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/icons/hicolor/${_size}x${_size}
        /usr/share/icons/hicolor/${_size}x${_size}/apps)
endforeach()

# The tarball: customer-portal-<version>-Linux.tar.gz, the same tree under one top folder.
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-Linux")

# RPM only where rpmbuild is installed (Debian: the rpm package), so a plain `cpack` works on a
# machine without it and makes the other two.
find_program(PORTAL_RPMBUILD rpmbuild)
if(PORTAL_RPMBUILD)
    set(CPACK_GENERATOR "DEB;RPM;TGZ")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()
