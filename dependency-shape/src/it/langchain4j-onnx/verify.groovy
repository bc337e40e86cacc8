// langchain4j-jina-clip with jina-clip-onnx: the local backend's libraries come with the artifact
hostedOnly = false
return evaluate(new File(itSources, 'dependency-shape.groovy'))
