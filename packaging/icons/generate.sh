#!/usr/bin/env bash
# Makes every raster icon the installers ship from the one source of truth, resources/icons/app.svg:
#
#   packaging/icons/hicolor/<N>x<N>/apps/org.customerportal.CustomerPortal.png   Linux, N = 16..512
#   packaging/windows/customer-portal.ico                                        Windows, 16..256
#   packaging/macos/CustomerPortal.icns                                          macOS, 16..1024
#
# The results are committed, so no build needs these converters: run this after changing app.svg
# and commit what it writes. Needs rsvg-convert (Debian: librsvg2-bin), icotool (icoutils) and
# Python 3 (the .icns is packed by pack-icns.py next to this script). The output is deterministic:
# the same SVG and tools give the same bytes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
svg="$root/resources/icons/app.svg"
app_id=org.customerportal.CustomerPortal
python=${PYTHON:-/usr/bin/python3}

for tool in rsvg-convert icotool "$python"; do
    command -v "$tool" >/dev/null || {
        echo "$0: $tool is missing (Debian: apt-get install librsvg2-bin icoutils python3)" >&2
        exit 1
    }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/portal-icons.XXXXXX")
trap 'rm -rf "$work"' EXIT

render() { # render <size>: prints the path of app.svg rendered at <size> x <size>
    local out="$work/$1.png"
    [ -f "$out" ] || rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio \
        --format png --output "$out" "$svg"
    printf '%s\n' "$out"
}

# Linux: the hicolor theme's usual fixed sizes (the SVG itself is installed as "scalable").
rm -rf "$here/hicolor"
for size in 16 22 24 32 48 64 128 256 512; do
    dir="$here/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    cp "$(render "$size")" "$dir/$app_id.png"
done

# Windows: the small sizes as bitmaps (what every Windows version reads), 256 as PNG (Vista and
# later; a 256 bitmap would be 256 KiB). 20 and 40 are the small icon at 125 % and 250 % scaling.
mkdir -p "$root/packaging/windows"
ico_args=()
for size in 16 20 24 32 40 48 64 128; do
    ico_args+=("$(render "$size")")
done
icotool --create --output "$root/packaging/windows/customer-portal.ico" \
    "${ico_args[@]}" --raw="$(render 256)"

# macOS: one PNG per icon type, 16 to 1024 including the @2x ("Retina") types.
mkdir -p "$root/packaging/macos"
for size in 16 32 64 128 256 512 1024; do
    render "$size" >/dev/null
done
"$python" "$here/pack-icns.py" "$work" "$root/packaging/macos/CustomerPortal.icns"

echo "Icons written from $svg:"
find "$here/hicolor" -name '*.png' | sort | sed "s|^$root/|  |"
printf '  %s\n' packaging/windows/customer-portal.ico packaging/macos/CustomerPortal.icns
