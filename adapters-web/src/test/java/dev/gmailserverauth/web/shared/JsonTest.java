package dev.gmailserverauth.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesObjectsListsAndScalars() {
        String json = Json.write(Json.object("s", "a\"b\\c\n\u0001", "n", 42L, "b", true, "none", Optional.empty(), "list", List.of(1, "x")));
        assertThat(json).isEqualTo("{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"n\":42,\"b\":true,\"none\":null,\"list\":[1,\"x\"]}");
        assertThat(JsonParser.parseString(json).getAsJsonObject().get("s").getAsString()).isEqualTo("a\"b\\c\n\u0001");
    }

    @Test
    void escapesMarkupCharactersSoJsonIsSafeAnywhere() {
        String json = Json.write(Json.object("x", "</script><b>&"));
        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(JsonParser.parseString(json).getAsJsonObject().get("x").getAsString()).isEqualTo("</script><b>&");
    }
}
