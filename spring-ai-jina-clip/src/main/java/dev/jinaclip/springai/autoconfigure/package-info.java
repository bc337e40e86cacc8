/**
 * Spring Boot auto-configuration of jina-clip: {@code spring.ai.jina-clip.*} properties, the backend choice
 * (hosted Jina API or local ONNX Runtime), the models as beans, and failure analysis of misconfiguration.
 */
@NullMarked
package dev.jinaclip.springai.autoconfigure;

import org.jspecify.annotations.NullMarked;
