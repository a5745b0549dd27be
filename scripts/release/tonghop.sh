#!/bin/sh
# tonghop for Linux: runs the program with the Node.js shipped beside it (app/node).
here=$(dirname "$(readlink -f "$0")")
exec "$here/app/node" "$here/app/dist/bundle/main.js" "$@"
