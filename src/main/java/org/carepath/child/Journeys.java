package org.carepath.child;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a journey (a process) about a child: the child's reference is its business key, and every
 * journey holds the child's reference and name ({@code childRef}, {@code childName}) beside its own
 * variables, for task names and forms.
 */
@Service
@Transactional
public class Journeys {

    private final Children children;
    private final RuntimeService runtime;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final String tablePrefix;

    Journeys(Children children, RuntimeService runtime, org.springframework.jdbc.core.JdbcTemplate jdbc,
             org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine) {
        this.children = children;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.tablePrefix = engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix();
    }

    /** A journey under way: its process, by key and name, and its process instance. */
    public record UnderWay(String processDefinitionKey, String processDefinitionName, String processInstanceId) {
    }

    /**
     * Every journey under way (a process instance not called by another), by the child it is about, except those of
     * the processes named. Read with one SQL statement of three columns rather than the engine's query, which would
     * load and check every process instance as an entity: a page sorting every child's journeys reads it each time.
     */
    @Transactional(readOnly = true)
    public Map<String, java.util.List<UnderWay>> underWay(java.util.Collection<String> exceptProcesses) {
        var byChild = new java.util.HashMap<String, java.util.List<UnderWay>>();
        var except = exceptProcesses.isEmpty() ? "" : " and d.KEY_ not in (" + String.join(", ",
                java.util.Collections.nCopies(exceptProcesses.size(), "?")) + ")";
        jdbc.query("select e.BUSINESS_KEY_, e.ID_, d.KEY_, d.NAME_ from " + tablePrefix + "ACT_RU_EXECUTION e join " + tablePrefix
                        + "ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ where e.ID_ = e.PROC_INST_ID_ and e.SUPER_EXEC_ is null"
                        + " and e.BUSINESS_KEY_ is not null" + except,
                row -> {
                    var key = row.getString(3);
                    var name = row.getString(4);
                    byChild.computeIfAbsent(row.getString(1), reference -> new java.util.ArrayList<>())
                            .add(new UnderWay(key, name == null ? key : name, row.getString(2)));
                }, exceptProcesses.toArray());
        return byChild;
    }

    /** Starts the journey; a child that does not exist is answered as not found (404). */
    public ProcessInstance start(String processKey, String childReference, Map<String, Object> variables) {
        var child = children.get(childReference);
        var journey = Variables.createVariables().putValue("childRef", child.reference()).putValue("childName", child.name());
        journey.putAll(variables);
        return runtime.createProcessInstanceByKey(processKey).businessKey(child.reference()).setVariables(journey).execute();
    }

    /** Ends a journey that is no longer needed (a court direction withdrawn), if it is still running. */
    public void end(String processInstanceId, String reason) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(processInstanceId, reason);
        }
    }
}
