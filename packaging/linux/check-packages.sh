#!/usr/bin/env bash
# Builds the Linux packages of Customer Portal from a configured build directory and checks them:
#
#   packaging/linux/check-packages.sh <build-dir>
#
# 1. cpack makes the .deb, the .rpm and the .tar.gz (into <build-dir>/packages); each carries the
#    version from project() in its name, and all three hold the same files, none of them a test.
# 2. lintian on the .deb and rpmlint on the .rpm: an error fails, and every remaining warning or
#    info must be listed (by tag name, with the reason it stays) in docs/packaging.md.
# 3. desktop-file-validate and appstreamcli validate the desktop entry and the metainfo as packaged.
# 4. Only when CI is set (a throwaway machine) or after a yes on a terminal: installs the .deb with
#    apt-get, runs the installed customer-portal --version, starts it headless against the
#    reference server until it shows the Sign in page, purges the package and checks that nothing
#    of it is left on disk. Otherwise it says why this part is skipped.
#
# <build-dir> must be configured with CMAKE_BUILD_TYPE Release, RelWithDebInfo or MinSizeRel; it is
# built first if needed. Exits non-zero on any failure. docs/packaging.md explains each check.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=/usr/bin/python3 # Debian's interpreter: the one with Django for the reference server
package=customer-portal
app_id=org.customerportal.CustomerPortal

say() { printf '\033[1m--> %s\033[0m\n' "$*"; }
fail() {
    printf 'check-packages: FAILED: %s\n' "$*" >&2
    exit 1
}

[ $# -eq 1 ] || {
    echo "usage: $0 <configured Release or RelWithDebInfo build directory>" >&2
    exit 2
}
build=$(cd "$1" 2>/dev/null && pwd) || fail "no build directory $1"
[ -f "$build/CPackConfig.cmake" ] || fail "$build is not a configured build directory"

for tool in cmake cpack dpkg-deb lintian rpmbuild rpm rpmlint desktop-file-validate appstreamcli \
    readelf file; do
    command -v "$tool" >/dev/null ||
        fail "$tool is not installed (Debian packages: lintian rpm rpmlint desktop-file-utils" \
            "appstream binutils file)"
done

cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
build_type=$(cache_value CMAKE_BUILD_TYPE)
case "$build_type" in
    Release | RelWithDebInfo | MinSizeRel) ;;
    *) fail "$build is a '$build_type' build; packages are made from Release or RelWithDebInfo" ;;
esac
version=$(cache_value CMAKE_PROJECT_VERSION)
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/portal-packages.XXXXXX")
server_state=""
installed_by_us=0
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

cleanup() {
    if [ -n "$server_state" ]; then
        "$python" "$root/tests/server/serverctl.py" stop --state-dir "$server_state" >/dev/null ||
            true
    fi
    # A failure between install and purge must not leave the package on the machine.
    if [ "$installed_by_us" -eq 1 ]; then
        echo "check-packages: removing $package after the failure" >&2
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$package" \
            >/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
say "Building the packages (cpack, $build_type, version $version)"
cmake --build "$build" --parallel "$(nproc 2>/dev/null || echo 2)" >"$scratch/build.log" 2>&1 ||
    { tail -n 40 "$scratch/build.log"; fail "the build in $build failed"; }
out="$build/packages"
rm -rf "$out"
(cd "$build" && cpack -G "DEB;RPM;TGZ" -B "$out") >"$scratch/cpack.log" 2>&1 ||
    { cat "$scratch/cpack.log"; fail "cpack failed"; }

deb=$(find "$out" -maxdepth 1 -name "${package}_${version}_*.deb")
rpm=$(find "$out" -maxdepth 1 -name "${package}-${version}-*.rpm")
tgz=$(find "$out" -maxdepth 1 -name "${package}-${version}-Linux.tar.gz")
for made in "$deb" "$rpm" "$tgz"; do
    if [ -z "$made" ] || [ "$(wc -l <<<"$made")" -ne 1 ]; then
        fail "expected one each of ${package}_${version}_<arch>.deb," \
            "${package}-${version}-<release>.<arch>.rpm and ${package}-${version}-Linux.tar.gz" \
            "in $out; found: $(ls "$out")"
    fi
done
printf '    %s\n' "${deb#"$build"/}" "${rpm#"$build"/}" "${tgz#"$build"/}"

# ---------------------------------------------------------------------------------------------
say "Checking what the packages contain"
# Files only (directories aside), relative to the installation prefix /usr.
dpkg-deb --fsys-tarfile "$deb" | tar -t | grep -v '/$' | sed 's|^\./usr/||' |
    sort >"$scratch/deb.files"
rpm -qpl "$rpm" 2>/dev/null | sed 's|^/usr/||' | sort >"$scratch/rpm.all"
tar -tzf "$tgz" | grep -v '/$' | sed 's|^[^/]*/||' | sort >"$scratch/tgz.files"
# rpm lists its own folder (share/doc/customer-portal) among the files.
grep -v -x "share/doc/$package" "$scratch/rpm.all" >"$scratch/rpm.files" || true

expected=(
    "bin/$package"
    "share/applications/$app_id.desktop"
    "share/metainfo/$app_id.metainfo.xml"
    "share/icons/hicolor/scalable/apps/$app_id.svg"
    "share/man/man1/$package.1.gz"
    "share/doc/$package/copyright"
    "share/doc/$package/changelog.gz"
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
printf '%s\n' "${expected[@]}" | sort >"$scratch/expected.files"
for kind in deb rpm tgz; do
    if ! diff -u "$scratch/expected.files" "$scratch/$kind.files" >"$scratch/$kind.diff"; then
        cat "$scratch/$kind.diff"
        fail "the .$kind holds other files than expected (- missing, + extra)"
    fi
done
echo "    .deb, .rpm and .tar.gz: the same ${#expected[@]} files, no tests"

dpkg-deb -x "$deb" "$scratch/deb-root"
mkdir -p "$scratch/tgz-root"
tar -xzf "$tgz" -C "$scratch/tgz-root" --strip-components=1
for binary in "$scratch/deb-root/usr/bin/$package" "$scratch/tgz-root/bin/$package"; do
    if readelf -S "$binary" | grep -q '\.symtab'; then
        fail "${binary#"$scratch"/} is not stripped"
    fi
done
echo "    the executable is stripped"

# ---------------------------------------------------------------------------------------------
# The tags a linter reported that docs/packaging.md does not list as a remaining warning.
undocumented() { # undocumented <tag>...
    local tag
    for tag in "$@"; do
        grep -q -- "\`$tag\`" "$root/docs/packaging.md" || printf '%s\n' "$tag"
    done
}

say "lintian $(basename "$deb")"
lintian_rc=0
lintian --display-info --pedantic --fail-on error "$deb" >"$scratch/lintian.txt" 2>&1 ||
    lintian_rc=$?
grep -v 'running with root privileges is not recommended' "$scratch/lintian.txt" |
    sed 's/^/    /' || true
[ "$lintian_rc" -eq 0 ] || fail "lintian found errors (exit status $lintian_rc)"
mapfile -t tags < <(sed -n "s/^[WIPX]: ${package}[^:]*: \([a-z0-9-]*\).*/\1/p" \
    "$scratch/lintian.txt" | sort -u)
missing=$(undocumented "${tags[@]}")
[ -z "$missing" ] ||
    fail "lintian tags not explained in docs/packaging.md (fix them or say why they stay): $missing"
echo "    no errors; ${#tags[@]} remaining tag(s), each explained in docs/packaging.md"

say "rpmlint $(basename "$rpm")"
rpmlint_rc=0
rpmlint -c "$here/rpmlint.toml" "$rpm" >"$scratch/rpmlint.txt" 2>&1 || rpmlint_rc=$?
grep -E "^${package}[^ ]*: [EW]:|packages and|checked;" "$scratch/rpmlint.txt" | sed 's/^/    /' ||
    true
if [ "$rpmlint_rc" -ne 0 ] || grep -q "^${package}[^ ]*: E:" "$scratch/rpmlint.txt"; then
    fail "rpmlint found errors (exit status $rpmlint_rc)"
fi
mapfile -t tags < <(sed -n "s/^${package}[^ ]*: W: \([a-z0-9-]*\).*/\1/p" "$scratch/rpmlint.txt" |
    sort -u)
missing=$(undocumented "${tags[@]}")
[ -z "$missing" ] ||
    fail "rpmlint warnings not explained in docs/packaging.md (fix them or say why they stay):" \
        "$missing"
echo "    no errors; ${#tags[@]} remaining warning(s), each explained in docs/packaging.md"

say "Desktop entry, AppStream metadata and man page, as packaged"
desktop-file-validate "$scratch/deb-root/usr/share/applications/$app_id.desktop" ||
    fail "desktop-file-validate"
metainfo="$scratch/deb-root/usr/share/metainfo/$app_id.metainfo.xml"
appstreamcli validate --no-net --pedantic "$metainfo" | sed 's/^/    /' ||
    fail "appstreamcli validate"
grep -q "<release version=\"$version\"" "$metainfo" ||
    fail "the metainfo has no <release version=\"$version\">"
echo "    both valid; the metainfo's release is $version"
# Every option the packaged executable's --help lists has its entry in the packaged man page.
mapfile -t options < <(env -u DISPLAY -u WAYLAND_DISPLAY LANGUAGE=en \
    "$scratch/deb-root/usr/bin/$package" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ ${#options[@]} -gt 0 ] || fail "$package --help lists no options"
zcat "$scratch/deb-root/usr/share/man/man1/$package.1.gz" | sed 's/\\-/-/g' >"$scratch/man.txt"
for option in "${options[@]}"; do
    grep -q -E -- "^\.[A-Z]+ (.*[ \"])?$option(\$|[ \"])" "$scratch/man.txt" ||
        fail "the man page has no entry for $option (packaging/linux/$package.1)"
done
echo "    the man page documents all ${#options[@]} options of --help: ${options[*]}"

# ---------------------------------------------------------------------------------------------
# The install test changes this machine: only on CI's throwaway machine, or when a person says so.
if [ -n "${CI:-}" ]; then
    say "CI is set: install test on this machine"
elif [ -t 0 ]; then
    note=""
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        note=" ($package is installed now: it will be replaced, then removed)"
    fi
    printf 'Install %s with apt-get on this machine%s, start it, then purge it? [y/N] ' \
        "$(basename "$deb")" "$note"
    read -r answer
    case "$answer" in
        [yY] | [yY][eE][sS]) ;;
        *)
            echo "SKIPPED the install test: declined. Every check before it passed."
            exit 0
            ;;
    esac
else
    echo "SKIPPED the install test: it installs and removes $package on this machine, so it runs" \
        "only when CI is set (a throwaway machine) or from a terminal that answers yes." \
        "Every check before it passed."
    exit 0
fi

say "apt-get install ./$(basename "$deb")"
# Which of the package's folders exist already: those stay after the purge.
dpkg-deb --fsys-tarfile "$deb" | tar -t | grep '/$' | sed 's|^\.||; s|/$||' | grep -v '^$' |
    while IFS= read -r dir; do [ -d "$dir" ] && printf '%s\n' "$dir"; done >"$scratch/dirs.before"
installed_by_us=1
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" \
    >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log"; fail "apt-get install"; }
installed_version=$(dpkg-query -W -f='${Version}' "$package")
[ "$installed_version" = "$version" ] ||
    fail "dpkg reports version $installed_version installed, not $version"
dpkg -L "$package" >"$scratch/dpkg.list"
echo "    installed $package $installed_version ($(wc -l <"$scratch/dpkg.list") paths)"

say "/usr/bin/$package --version"
printed=$(env -u DISPLAY -u WAYLAND_DISPLAY LANGUAGE=en LC_ALL=C.UTF-8 \
    "/usr/bin/$package" --version)
echo "    $printed"
[ "$printed" = "Customer Portal $version" ] ||
    fail "--version printed \"$printed\", not \"Customer Portal $version\""

say "Headless start against the reference server"
server_state="$scratch/server"
url=$("$python" "$root/tests/server/serverctl.py" start --state-dir "$server_state" --demo \
    --customers 0 --watch-pid $$)
echo "    server: $url"
# Inside a throwaway D-Bus session with a keyring (the app's own HOME and settings too). The app's
# log says when it shows a page and what the keychain answered; it runs until both are seen:
#   portal.ui: page "signInPage"
#       the Sign in page is on screen;
#   portal.keychain: read "availability-probe" not found
#       the Secret Service answered, through the libsecret that QtKeychain loads at run time.
# No request reaches the server before someone signs in; --server only has to be accepted.
# shellcheck disable=SC2016 # expanded by the inner shell
headless='
    set -euo pipefail
    exec 3< <(QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="portal.*=true" LANGUAGE=en \
        exec "$1" --server "$2" 2>&1)
    app=$!
    page=0 keychain=0
    deadline=$((SECONDS + 60))
    while [ $((page + keychain)) -lt 2 ] && [ $SECONDS -lt $deadline ] &&
        IFS= read -r -t $((deadline - SECONDS)) line <&3; do
        printf "    | %s\n" "$line"
        case "$line" in
            *"portal.ui: page \"signInPage\""*) page=1 ;;
            *"portal.keychain: read \"availability-probe\" not found"*) keychain=1 ;;
            *"portal.keychain: read \"availability-probe\""*) break ;; # unavailable, failed
        esac
    done
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    [ "$keychain" -eq 1 ] || { echo "the keychain did not answer \"not found\"" >&2; exit 1; }
    [ "$page" -eq 1 ] || { echo "the Sign in page was not shown" >&2; exit 1; }
'
"$root/tests/keyring-session.sh" bash -c "$headless" headless "/usr/bin/$package" "$url" ||
    fail "the headless start of the installed app (its log is above)"
"$python" "$root/tests/server/serverctl.py" stop --state-dir "$server_state" >/dev/null
server_state=""
echo "    reached the Sign in page, keychain available"

say "apt-get purge -y $package"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$package" \
    >"$scratch/purge.log" 2>&1 || { cat "$scratch/purge.log"; fail "apt-get purge"; }
installed_by_us=0
status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
case "$status" in
    "" | not-installed) ;;
    *) fail "dpkg reports $package as '$status' after the purge" ;;
esac
# Every path dpkg listed must be gone, except folders that existed before the install or that
# another installed package also owns (hicolor's size folders, /usr/share/man/man1...).
left=()
while IFS= read -r path; do
    [ "$path" != "/." ] || continue
    [ -e "$path" ] || [ -L "$path" ] || continue
    if [ -d "$path" ] && [ ! -L "$path" ]; then
        grep -q -x -F -- "$path" "$scratch/dirs.before" && continue
        dpkg-query -S -- "$path" >/dev/null 2>&1 && continue
    fi
    left+=("$path")
done <"$scratch/dpkg.list"
[ ${#left[@]} -eq 0 ] || fail "left on disk after the purge: ${left[*]}"
echo "    nothing of $package is left ($(wc -l <"$scratch/dpkg.list") paths checked)"

say "Linux packages: all checks passed"
