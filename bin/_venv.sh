# Sourced by the scripts in bin/: makes .venv with Python 3.11+ and installs
# the requirements file given as $1 into it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
    for candidate in python3.11 python3.12 python3.13 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            echo "$candidate"
            return
        fi
    done
    echo "Verbuurzamen needs Python 3.11 or newer; none was found." >&2
    exit 1
}

if [ ! -x .venv/bin/python ]; then
    echo "==> Making a virtual environment in .venv"
    "$(find_python)" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
fi
echo "==> Installing $1"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$1"
