#!/usr/bin/env bash
# Builds the self-contained Lancers app for the OS this runs on (README.md, "Installers"):
#   bash dist/package.sh               app image in target/jpackage/ (Linux and Windows: Lancers/, macOS: Lancers.app)
#   bash dist/package.sh --installer   and the OS's installer beside it: .deb on Linux (needs dpkg-deb and
#                                      fakeroot), .dmg on macOS, .msi on Windows (needs WiX 3)
# The app carries its own Java runtime, trimmed by jlink to the modules jdeps finds in the game's jar,
# and two launchers: Lancers (the game) and lancers-server (the dedicated server, same flags as
# game-server.jar). Needs a JDK 17+ with jpackage; bash on Windows is Git Bash.
set -euo pipefail
cd "$(dirname "$0")/.."
installer=false
[ "${1:-}" = "--installer" ] && installer=true

out=target/jpackage
jar=game-client/target/game-client.jar
./mvnw -B -ntp -q -pl game-client -am package -DskipTests
# The client jar holds the embedded server too, so both launchers run from it.
version=$(java -jar "$jar" --version | head -1 | tr -d '\r' | awk '{print $2}')
app_version=${version%%-*} # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0
rm -rf "$out"
mkdir -p "$out/input"
cp "$jar" "$out/input/"

# jdeps misses what is loaded by name: the elliptic-curve ciphers of TLS (wss://) are one such.
modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar"),jdk.crypto.ec"
echo "runtime modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

case "$(uname -s)" in
  Linux*) icon=assets/src/main/resources/io/lancers/assets/sprites/icon-256.png
          image="$out/Lancers" kind=deb
          # JavaFX unpacks its natives at run time, so jpackage cannot see that a window needs GTK 3.
          extra=(--linux-package-name lancers --linux-shortcut --linux-menu-group Game --linux-app-category games
                 --linux-deb-maintainer "lancers@localhost" --linux-package-deps "libgtk-3-0 | libgtk-3-0t64") ;;
  Darwin*) icon=dist/icons/lancers.icns image="$out/Lancers.app" kind=dmg
           extra=(--mac-package-name Lancers) ;;
  MINGW*|MSYS*|CYGWIN*) icon=dist/icons/lancers.ico image="$out/Lancers" kind=msi
           extra=(--win-menu --win-menu-group Lancers --win-shortcut --win-dir-chooser
                  --win-upgrade-uuid 6f1b2c1e-3d6a-4c1e-9a57-2f0d5c3b8e41) ;;
  *) echo "unknown OS: $(uname -s)" >&2; exit 1 ;;
esac

# The second launcher: the dedicated server, with a console on Windows for its log and no menu
# entry (it is started from a terminal or a service manager).
cat > "$out/lancers-server.properties" <<PROPS
main-class=io.lancers.server.ServerMain
description=Lancers dedicated server
win-console=true
win-shortcut=false
win-menu=false
linux-shortcut=false
PROPS

jpackage --type app-image --name Lancers --app-version "$app_version" --vendor Lancers \
  --description "Lancers: a real-time multiplayer arena shooter" \
  --input "$out/input" --main-jar game-client.jar --main-class io.lancers.client.Launcher \
  --runtime-image "$out/runtime" --icon "$icon" \
  --add-launcher "lancers-server=$out/lancers-server.properties" --dest "$out"
echo "app image: $image"

if $installer; then
  jpackage --type "$kind" --name Lancers --app-version "$app_version" --vendor Lancers \
    --description "Lancers: a real-time multiplayer arena shooter" \
    --app-image "$image" --icon "$icon" --dest "$out" "${extra[@]}"
  ls "$out"/*."$kind"
fi
