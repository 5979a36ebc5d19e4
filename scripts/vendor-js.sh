#!/usr/bin/env bash
# Copy the browser libraries of the contribution form from node_modules (installed at the
# versions of package-lock.json by scripts/node-deps.sh) into docs/assets/vendor/, where they
# are committed: the site builds without npm. Run it after changing their versions in
# package.json (`npm install --ignore-scripts`); tests/browser/test_contribution_form.py checks that
# the committed copies equal node_modules' files.
#   @cfworker/json-schema  JSON Schema validation without eval (the site's CSP forbids it)
#   yaml                   writes the YAML front matter of the proposed file
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

vendor=docs/assets/vendor
copy_js() {  # copy_js <source folder> <target folder>: the .js files only, tree kept
  rm -rf "$2"
  (cd "$1" && find . -name '*.js' -type f) | while read -r file; do
    mkdir -p "$2/$(dirname "$file")"
    cp "$1/$file" "$2/$file"
  done
}

copy_js node_modules/@cfworker/json-schema/dist/esm "$vendor/cfworker-json-schema"
# The package ships no licence file; its package.json declares MIT, by Jeremy Danyow.
cat > "$vendor/cfworker-json-schema/LICENSE" <<'LICENCE'
MIT License

Copyright (c) Jeremy Danyow (@cfworker/json-schema, https://github.com/cfworker/cfworker)

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENCE

copy_js node_modules/yaml/browser "$vendor/yaml"
cp node_modules/yaml/LICENSE "$vendor/yaml/LICENSE"
echo "Bibliothèques copiées dans $vendor/ : @cfworker/json-schema, yaml."
