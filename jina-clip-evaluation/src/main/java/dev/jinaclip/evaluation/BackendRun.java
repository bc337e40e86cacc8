package dev.jinaclip.evaluation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one backend produced on the datasets.
 *
 * @param backend the backend
 * @param sets    the embedded item sets by name, in embedding order
 * @param results the recall of each task that had a dataset, in table order
 */
record BackendRun(Backend backend, Map<String, EmbeddedSet> sets, Map<Task, TaskResult> results) {

    BackendRun {
        sets = new LinkedHashMap<>(sets);
        results = results.isEmpty() ? Map.of() : new EnumMap<>(results);
    }
}
