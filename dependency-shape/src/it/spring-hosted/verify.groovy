// spring-ai-jina-clip alone: the hosted backend, and nothing of the local one
hostedOnly = true
return evaluate(new File(itSources, 'dependency-shape.groovy'))
