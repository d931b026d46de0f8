package org.carepath.child;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The child record the API answers: the child module's view, and each module's part under its name. */
record ChildRecord(@JsonUnwrapped ChildView child, Map<String, Object> parts) {
}
