#!/bin/sh
# Packs the verso tool from this clone into ./artifacts and installs it from there, in one command.
# Verso is not published on the public NuGet gallery yet: this (or the two dotnet commands in README.md) is how to install it.
#
#   ./install.sh                    framework-dependent tool, any platform with the .NET 10 SDK: dotnet tool --global
#   ./install.sh --tool-path DIR    into DIR instead of the global tools (DIR/verso)
#   ./install.sh --native           the NativeAOT tool on linux-x64 (needs clang or gcc, and zlib1g-dev; minutes to compile):
#                                   its pointer package together with the linux-x64 and the portable runtime packages
#
# POSIX sh only, so it runs under dash, busybox sh and macOS's sh alike.
set -eu

cd "$(dirname "$0")"

native=false
where="--global"
tool_path=""
while [ "$#" -gt 0 ]; do
    case "$1" in
        --native) native=true ;;
        --tool-path)
            [ "$#" -ge 2 ] || { echo "install.sh: --tool-path needs a directory" >&2; exit 2; }
            where="--tool-path"; tool_path="$2"; shift ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

command -v dotnet >/dev/null 2>&1 || { echo "install.sh: the .NET 10 SDK is required (dotnet is not on PATH)" >&2; exit 1; }

# A fresh folder per run, so the install cannot pick up a package an earlier pack left behind.
feed="artifacts/install"
rm -rf "$feed"
mkdir -p "$feed"

if [ "$native" = true ]; then
    # The native executable is only compiled where it runs; everywhere else the portable tool is the one to use.
    if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
        echo "install.sh: --native builds the linux-x64 tool only; run ./install.sh without it here" >&2
        exit 2
    fi
    # The AOT compiler links with clang, or gcc where there is no unversioned clang (Debian's clang-14 alone is not found).
    command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 ||
        { echo "install.sh: --native needs clang (or gcc) and zlib1g-dev (apt-get install clang zlib1g-dev)" >&2; exit 1; }
    echo "install.sh: packing the native verso tool (a NativeAOT compile: a few minutes)"
    for rid in "" linux-x64 any; do
        dotnet pack src/Verso.Cli -c Release -p:VersoNativeTool=true -o "$feed" -nologo -v:q ${rid:+-r "$rid"}
    done
else
    echo "install.sh: packing the verso tool"
    dotnet pack src/Verso.Cli -c Release -o "$feed" -nologo -v:q
fi

# The tool's own package (not a runtime package verso.linux-x64.*): its file name carries the version MinVer gave it.
package=""
for file in "$feed"/verso.[0-9]*.nupkg; do
    package="$file"
done
[ -f "$package" ] || { echo "install.sh: dotnet pack wrote no verso package to $feed" >&2; exit 1; }
version="${package##*/verso.}"
version="${version%.nupkg}"

# update installs when the tool is missing and replaces an older (or newer) one when present.
if [ "$where" = "--global" ]; then
    dotnet tool update --global verso --add-source "$feed" --version "$version" --allow-downgrade
    echo "install.sh: verso $version installed; ~/.dotnet/tools must be on your PATH"
else
    dotnet tool update --tool-path "$tool_path" verso --add-source "$feed" --version "$version" --allow-downgrade
    echo "install.sh: verso $version installed as $tool_path/verso"
fi
