package org.carepath.engine;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Keeps a text longer than the engine's {@code varchar(4000)} text column (a long assessment, a court's
 * reasons) whole, in the engine's byte-array table, and gives it back as an ordinary String variable:
 * processes, forms and the REST API see no difference. Shorter texts stay with the engine's own string
 * serializer, so they can still be found by value.
 */
class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

    /** The engine's {@code TEXT_} columns are {@code varchar(4000)}. */
    static final int TEXT_COLUMN_LENGTH = 4000;

    LongTextSerializer() {
        super(ValueType.STRING);
    }

    @Override
    public String getName() {
        // Stored in each variable's TYPE_ column: never rename.
        return "carepathLongText";
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
        return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
        return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
    }

    @Override
    public void writeValue(StringValue value, ValueFields valueFields) {
        valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
        var bytes = valueFields.getByteArrayValue();
        return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
    }
}
