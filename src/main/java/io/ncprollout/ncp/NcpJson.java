package io.ncprollout.ncp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/** The one {@link ObjectMapper} of the NCP client, and JSON request bodies. */
final class NcpJson {
    /** Ignores unknown fields (NCP adds fields without notice); keeps Jackson's default coercions. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private NcpJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static RequestBody body(ObjectNode node) {
        return RequestBody.create(node.toString(), JSON);
    }
}
