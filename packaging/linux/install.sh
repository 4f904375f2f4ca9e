#!/bin/sh
# Install the unpacked Pickup Counter bundle on a Linux counter PC.
#
#   ./install.sh              for this user: ~/.local/opt/pos-app, ~/.local/bin/pos-app,
#                             menu entry and icons in ~/.local/share
#   sudo ./install.sh --system    for everyone: /opt/pos-app, /usr/local/bin/pos-app,
#                             /usr/share/applications and /usr/share/icons/hicolor
#   ./install.sh --uninstall  (with --system: the system-wide install) removes the program,
#                             the menu entry and the icons. Journals and settings stay.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
system=no
uninstall=no
for arg in "$@"; do
    case "$arg" in
        --system) system=yes ;;
        --uninstall) uninstall=yes ;;
        *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
    esac
done

if [ "$system" = yes ]; then
    prefix=/opt/pos-app
    share=/usr/share
    bin=/usr/local/bin
else
    prefix="$HOME/.local/opt/pos-app"
    share="${XDG_DATA_HOME:-$HOME/.local/share}"
    bin="$HOME/.local/bin"
fi
sizes="16 24 32 48 64 128 256"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "$uninstall" = yes ]; then
    rm -f "$bin/pos-app" "$share/applications/pos-app.desktop" \
        "$share/icons/hicolor/scalable/apps/pos-app.svg"
    for size in $sizes; do
        rm -f "$share/icons/hicolor/${size}x${size}/apps/pos-app.png"
    done
    rm -rf "$prefix"
    refresh
    echo "Removed Pickup Counter from $prefix. Journals and settings were kept."
    exit 0
fi

if [ ! -x "$here/pos-app" ] || [ ! -d "$here/_internal" ]; then
    echo "$0: run me from the unpacked pos-app folder (with pos-app and _internal/)." >&2
    exit 1
fi
if [ "$here" != "$prefix" ]; then
    rm -rf "$prefix.new"
    mkdir -p "$(dirname "$prefix")"
    cp -a "$here" "$prefix.new"
    rm -rf "$prefix"
    mv "$prefix.new" "$prefix"
fi

icons="$prefix/_internal/resources/icons"
mkdir -p "$bin" "$share/applications" "$share/icons/hicolor/scalable/apps"
ln -sf "$prefix/pos-app" "$bin/pos-app"
for size in $sizes; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$icons/hicolor/${size}x${size}/apps/pos-app.png" "$share/icons/hicolor/${size}x${size}/apps/"
done
cp "$icons/pos-app.svg" "$share/icons/hicolor/scalable/apps/pos-app.svg"
# The entry starts the installed program by its full path: ~/.local/bin is not on every
# desktop session's PATH.
sed "s|^Exec=pos-app|Exec=$prefix/pos-app|" "$prefix/pos-app.desktop" \
    > "$share/applications/pos-app.desktop"
refresh
echo "Installed Pickup Counter in $prefix (command: $bin/pos-app)."
echo "Check it with: $bin/pos-app --self-test"
