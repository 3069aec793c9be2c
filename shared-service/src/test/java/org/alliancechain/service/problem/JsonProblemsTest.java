package org.alliancechain.service.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonProblemsTest {

    enum Kind { CLAIM, COUNTERCLAIM }

    record Party(String name, int share) {
    }

    record Filing(String text, Kind kind, boolean urgent, LocalDate due, List<Party> parties, java.util.Map<String, String> tags) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static JsonProblems.Detail problem(String body) {
        var e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readValue(body, Filing.class));
        assertThat(e).as("Jackson refuses %s", body).isNotNull();
        return JsonProblems.describe(e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"text\": {\"a\": 1}}                         | /text               | text               | expected a string",
            "{\"kind\": \"APPEAL\"}                          | /kind               | kind               | expected one of CLAIM, COUNTERCLAIM, got 'APPEAL'",
            "{\"urgent\": \"soon\"}                          | /urgent             | urgent             | expected true or false",
            "{\"due\": \"tomorrow\"}                         | /due                | due                | expected a date or time in ISO 8601 form (a string)",
            "{\"parties\": {\"name\": \"x\"}}                | /parties            | parties            | expected an array",
            "{\"parties\": [{\"name\": \"a\"}, {\"share\": \"half\"}]} | /parties/1/share | parties[1].share | expected a whole number, got 'half'",
            "{\"parties\": [[1]]}                           | /parties/0          | parties[0]         | expected an object",
            "{\"tags\": {\"a/b~c\": [1]}}                    | /tags/a~1b~0c       | tags.a/b~c         | expected a string",
            "{\"colour\": \"red\"}                           | /colour             | colour             | not a field of this request",
    })
    void aWrongValueIsNamedByItsJsonPointerAndJsonType(String body, String pointer, String field, String message) {
        var detail = problem(body);
        assertThat(detail.pointer()).isEqualTo(pointer);
        assertThat(detail.field()).isEqualTo(field);
        assertThat(detail.message()).startsWith(message);
        assertThat(detail.text()).isEqualTo("Malformed JSON at " + pointer + ": " + detail.message());
        assertNoJavaNames(detail.text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"text\": ",
            "{\"text\": \"a\",, }",
            "[1, 2",
            "not json",
            "{\"text\": \"a\"} trailing",
    })
    void aBodyThatIsNotJsonSaysWhereWithoutJavaNames(String body) {
        var e = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(body, Filing.class));
        var detail = JsonProblems.describe(e);
        assertThat(detail.text()).startsWith("Malformed JSON");
        assertNoJavaNames(detail.text());
    }

    @Test
    void anArrayWhereTheRequestObjectBelongs() {
        var detail = problem("[1]");
        assertThat(detail.pointer()).isNull();
        assertThat(detail.text()).isEqualTo("Malformed JSON: expected an object");
    }

    private static void assertNoJavaNames(String text) {
        assertThat(text).doesNotContain("org.", "java.", "com.", "$", "`", "class", "Filing", "Party", "Source", "REDACTED",
                "StreamReadFeature");
    }
}
