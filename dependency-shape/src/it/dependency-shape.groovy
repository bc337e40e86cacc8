// The check every consumer's verify.groovy runs, after its build: reads the consumer's runtime dependencies (what
// its application would ship, as consumer-parent lists them), prints their weight, and fails when a hosted-only
// consumer (hostedOnly = true) has an artifact of the local backend's libraries, or when one with jina-clip-onnx
// (hostedOnly = false) lacks them. Variables: basedir (the invoker's), hostedOnly (the caller's).

// the libraries that only jina-clip-onnx may bring: ONNX Runtime, DJL tokenizers, TwelveMonkeys image codecs
def localBackendGroups = ['com.microsoft.onnxruntime', 'ai.djl', 'com.twelvemonkeys']
def inGroup = { String groupId, String group -> groupId == group || groupId.startsWith(group + '.') }

def listing = new File(basedir, 'target/runtime-dependencies.txt')
def tree = new File(basedir, 'target/runtime-dependency-tree.txt')
if (!listing.isFile() || !tree.isFile()) {
    throw new IllegalStateException("${basedir.name}: no dependency listing in target/ (did the build run?)")
}

// "   group:artifact:type[:classifier]:version:scope:/path/to/file.jar -- module name"
def dependencies = listing.readLines().findAll { it.startsWith('   ') }.collect { line ->
    def matcher = line.trim() =~ /^(.+?):(compile|runtime):(.+?)(?: -- module .*)?$/
    if (!matcher.matches()) {
        throw new IllegalStateException("${basedir.name}: unexpected line in ${listing.name}: ${line}")
    }
    def coordinates = matcher.group(1)
    [coordinates: coordinates, groupId: coordinates.tokenize(':')[0], file: new File(matcher.group(3))]
}
if (dependencies.isEmpty()) {
    throw new IllegalStateException("${basedir.name}: ${listing.name} lists no dependency")
}
def missingFiles = dependencies.findAll { !it.file.isFile() }
if (missingFiles) {
    throw new IllegalStateException("${basedir.name}: no file for ${missingFiles*.coordinates}")
}

def bytes = dependencies.sum { it.file.length() }
def megabytes = String.format(Locale.ROOT, '%.1f', bytes / 1_000_000d)
def weight = "[dependency shape] ${basedir.name}: ${dependencies.size()} runtime artifacts, ${megabytes} MB of jars"
println weight
// the invoker sends a script's System.out to the consumer's build.log; the weight belongs in the main build's output
// too. The stream on the process's own standard output is left open: closing it would close that.
new PrintStream(new FileOutputStream(FileDescriptor.out), true).println("[INFO] ${weight}")

// the path from the consumer to an artifact, from the tree's indentation: "|  +- group:artifact:..."
def pathTo = { String coordinates ->
    def stack = []
    for (line in tree.readLines().drop(1)) {
        def start = line.findIndexOf { Character.isLetterOrDigit(it as char) }
        if (start < 0) {
            continue
        }
        def depth = start.intdiv(3)
        while (stack.size() >= depth) {
            stack.remove(stack.size() - 1)
        }
        def node = line.substring(start).tokenize(' ')[0]
        stack << node
        if (node.startsWith(coordinates.tokenize(':')[0..1].join(':') + ':')) {
            return stack.join(' -> ')
        }
    }
    return coordinates
}

def localBackend = dependencies.findAll { dependency -> localBackendGroups.any { inGroup(dependency.groupId, it) } }
if (hostedOnly && localBackend) {
    throw new IllegalStateException("${basedir.name} depends only on the hosted backend, yet resolves "
            + "${localBackend.size()} artifact(s) of the local one:\n  "
            + localBackend.collect { pathTo(it.coordinates) }.join('\n  '))
}
if (!hostedOnly) {
    def absent = localBackendGroups.findAll { group -> !localBackend.any { inGroup(it.groupId, group) } }
    if (absent) {
        throw new IllegalStateException("${basedir.name} depends on jina-clip-onnx, yet resolves nothing of ${absent}")
    }
}
return true
