#!/usr/bin/env bash
# Builds and starts the jina-clip embeddings server on http://localhost:8090/v1/embeddings.
#
#   ./jina-clip-server/run.sh                        downloads jinaai/jina-clip-v1 (about 900 MB) once
#   ./jina-clip-server/run.sh --model-dir=PATH       on a folder that already holds the model
#
# Any other argument goes to Spring Boot, for example --server.port=9090 or
# --jina-clip.server.api-keys=key-one,key-two (without keys the endpoint is open, and says so at start-up).
# Needs JDK 17 or later; the Maven wrapper downloads Maven and the dependencies on the first run.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
app="$root/jina-clip-server"
args=()
for arg in "$@"; do
    case "$arg" in
        --model-dir=*)
            dir="${arg#--model-dir=}"
            [[ "$dir" = /* ]] || dir="$PWD/$dir"
            if [[ ! -d "$dir" ]]; then
                echo "run.sh: --model-dir=$dir is not a folder" >&2
                exit 2
            fi
            args+=("--spring.ai.jina-clip.onnx.model-directory=$dir")
            ;;
        -h|--help)
            sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            args+=("$arg")
            ;;
    esac
done

echo "Building jina-clip-server (the first build downloads Maven and the dependencies; later ones take seconds)..."
"$root/mvnw" -B -q -f "$root/pom.xml" -pl jina-clip-server -am package -DskipTests -Dmaven.javadoc.skip=true \
    -Dmaven.source.skip=true

cd "$app"
jar="$(ls target/jina-clip-server-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)"
# ${args[@]+...}: an empty array is "unbound" to bash before 4.4 (macOS ships 3.2)
exec java -jar "$jar" ${args[@]+"${args[@]}"}
