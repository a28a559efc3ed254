package dev.gmailserverauth.sandbox.internal.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.Endpoint;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSelectionTest {
    private static final JsonObject LIST = json("{\"messages\":[{\"id\":\"a\",\"threadId\":\"t\"},{\"id\":\"b\",\"threadId\":\"u\"}],"
            + "\"nextPageToken\":\"17\",\"resultSizeEstimate\":201}");
    private static final JsonObject MESSAGE = json("{\"id\":\"a\",\"threadId\":\"t\",\"labelIds\":[\"INBOX\"],\"snippet\":\"hi\","
            + "\"payload\":{\"partId\":\"\",\"mimeType\":\"text/plain\",\"headers\":[{\"name\":\"From\",\"value\":\"b@x\"},"
            + "{\"name\":\"Subject\",\"value\":\"Hi\"}],\"body\":{\"size\":2,\"data\":\"aGk\"}},\"sizeEstimate\":10}");

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static String select(String fields, JsonObject source) {
        return FieldSelection.parse(fields).orElseThrow().applyTo(source).toString();
    }

    @Test
    void commaListKeepsTheNamedTopLevelFields() {
        assertThat(select("nextPageToken,resultSizeEstimate", LIST)).isEqualTo("{\"nextPageToken\":\"17\",\"resultSizeEstimate\":201}");
    }

    @Test
    void aSubSelectionAppliesToEachElementOfAnArray() {
        assertThat(select("messages(id),nextPageToken", LIST)).isEqualTo("{\"messages\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"nextPageToken\":\"17\"}");
    }

    @Test
    void aPathSelectsBelowAnObject() {
        assertThat(select("id,payload/headers", MESSAGE))
                .isEqualTo("{\"id\":\"a\",\"payload\":{\"headers\":[{\"name\":\"From\",\"value\":\"b@x\"},{\"name\":\"Subject\",\"value\":\"Hi\"}]}}");
        assertThat(select("payload/body/size", MESSAGE)).isEqualTo("{\"payload\":{\"body\":{\"size\":2}}}");
    }

    @Test
    void subSelectionsNestAndCombineWithPaths() {
        assertThat(select("payload(headers(value),body/size)", MESSAGE))
                .isEqualTo("{\"payload\":{\"headers\":[{\"value\":\"b@x\"},{\"value\":\"Hi\"}],\"body\":{\"size\":2}}}");
    }

    @Test
    void aStarSelectsEveryFieldAtItsLevel() {
        assertThat(select("*", LIST)).isEqualTo(LIST.toString());
        assertThat(select("messages/*", LIST)).isEqualTo("{\"messages\":[{\"id\":\"a\",\"threadId\":\"t\"},{\"id\":\"b\",\"threadId\":\"u\"}]}");
        assertThat(select("payload(*),id", MESSAGE)).contains("\"mimeType\":\"text/plain\"").contains("\"id\":\"a\"");
    }

    @Test
    void aFieldAndAPathBelowItSelectTheWholeField() {
        assertThat(select("payload/mimeType,payload", MESSAGE)).isEqualTo("{\"payload\":" + MESSAGE.get("payload") + "}");
    }

    @Test
    void absentFieldsAreLeftOut() {
        assertThat(select("nextPageToken", json("{\"resultSizeEstimate\":0}"))).isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages(", "messages(id", "messages)", "a,,b", ",a", "a/", "a//b", "a(b))", "id;name", "a b", "()", "*/"})
    void malformedSelectionsAreRefused(String fields) {
        assertThat(FieldSelection.parse(fields)).isEmpty();
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        assertThat(FieldSelection.parse("a(".repeat(5000) + "b" + ")".repeat(5000))).isEmpty();
        assertThat(FieldSelection.parse("a/".repeat(5000) + "b")).isEmpty();
    }

    @Test
    void selectionsAreCheckedAgainstGmailsResourceFields() {
        GmailSchema.Type list = GmailSchema.responseOf(Endpoint.MESSAGES_LIST);
        GmailSchema.Type message = GmailSchema.responseOf(Endpoint.MESSAGES_GET);

        assertThat(fits("messages(id,threadId),nextPageToken,resultSizeEstimate", list)).isTrue();
        assertThat(fits("messages(payload/parts(body/attachmentId,filename))", list)).isTrue();
        assertThat(fits("messages(idd)", list)).isFalse();
        assertThat(fits("nextPageToken/foo", list)).as("narrowing a scalar").isFalse();
        assertThat(fits("id,payload(headers(name,value))", message)).isTrue();
        assertThat(fits("*", message)).isTrue();
        assertThat(fits("payload/headers/colour", message)).isFalse();
    }

    private static boolean fits(String fields, GmailSchema.Type type) {
        Optional<FieldSelection> selection = FieldSelection.parse(fields);
        return selection.isPresent() && selection.get().fitsSchema(type);
    }
}
