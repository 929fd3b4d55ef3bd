package org.commissioning.stack;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.commissioning.stack.WriteEndpoints.Endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns an endpoint's valid request into one that is wrong in exactly one way, chosen by a seeded random, so that
 * every request made is one the platform must refuse: a wrong JSON type, a text over every limit, a value outside a
 * closed set, a number out of every range, a malformed or far-future date, a required field missing or null, an
 * unknown field, a body that is not an object or not JSON, a wrong media type, a malformed or unknown contract id
 * or a malformed or far-future month in the path.
 */
final class Malformations {

    enum Kind {
        WRONG_TYPE, OVERSIZED_TEXT, OUTSIDE_CLOSED_SET, NUMBER_OUT_OF_RANGE, MALFORMED_DATE, FAR_FUTURE,
        MISSING_REQUIRED, NULL_REQUIRED, UNKNOWN_FIELD, NOT_AN_OBJECT, NOT_JSON, WRONG_MEDIA_TYPE,
        MALFORMED_CONTRACT_ID, UNKNOWN_CONTRACT, MALFORMED_PATH_MONTH, FAR_FUTURE_PATH_MONTH,
        CSV_OVERSIZED_CELL, CSV_BAD_NUMBER, CSV_UNKNOWN_KPI, CSV_BROKEN
    }

    /** The request to send and what was done to it. */
    record Request(Endpoint endpoint, Kind kind, String detail, String method, String path, String contentType,
                   byte[] body) {

        String describe() {
            return endpoint.name() + " / " + kind + " (" + detail + "): " + method + " " + path;
        }
    }

    /** Longer than the longest text any endpoint accepts (a meeting's notes, 20,000 characters). */
    static final int OVERSIZE_MIN = 20_001;
    static final int OVERSIZE_MAX = 300_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Malformations() {
    }

    /** The kinds that can break this endpoint's request. */
    static List<Kind> applicable(Endpoint e) {
        List<Kind> kinds = new ArrayList<>();
        if (e.hasContractInPath()) {
            kinds.add(Kind.MALFORMED_CONTRACT_ID);
            kinds.add(Kind.UNKNOWN_CONTRACT);
        }
        if (e.hasPeriodInPath()) {
            kinds.add(Kind.MALFORMED_PATH_MONTH);
            kinds.add(Kind.FAR_FUTURE_PATH_MONTH);
        }
        if (!e.hasBody()) {
            return kinds;
        }
        kinds.add(Kind.WRONG_MEDIA_TYPE);
        if (e.csv()) {
            kinds.addAll(List.of(Kind.CSV_OVERSIZED_CELL, Kind.CSV_BAD_NUMBER, Kind.CSV_UNKNOWN_KPI, Kind.CSV_BROKEN));
            return kinds;
        }
        kinds.addAll(List.of(Kind.WRONG_TYPE, Kind.UNKNOWN_FIELD, Kind.NOT_AN_OBJECT, Kind.NOT_JSON));
        Map<String, JsonNode> leaves = leaves(e);
        if (leaves.values().stream().anyMatch(JsonNode::isTextual)) {
            kinds.add(Kind.OVERSIZED_TEXT);
        }
        if (leaves.values().stream().anyMatch(JsonNode::isNumber)) {
            kinds.add(Kind.NUMBER_OUT_OF_RANGE);
        }
        if (!e.closedSets().isEmpty()) {
            kinds.add(Kind.OUTSIDE_CLOSED_SET);
        }
        if (!e.dates().isEmpty() || !e.months().isEmpty()) {
            kinds.add(Kind.MALFORMED_DATE);
        }
        if (!e.notInFarFuture().isEmpty()) {
            kinds.add(Kind.FAR_FUTURE);
        }
        if (!e.required().isEmpty()) {
            kinds.add(Kind.MISSING_REQUIRED);
            kinds.add(Kind.NULL_REQUIRED);
        }
        return kinds;
    }

    static Request make(Endpoint e, Kind kind, Random random, String contractId, String registerId) {
        String path = e.path().replace("{id}", contractId);
        String body = e.hasBody() ? e.body().replace("{registerId}", registerId) : null;
        String contentType = e.csv() ? "text/csv" : "application/json";
        String detail;
        switch (kind) {
            case MALFORMED_CONTRACT_ID -> {
                String bad = pick(random, "not-a-uuid", "12345", "d8b886cb-6272-35ca-a9de", "%20", "..%2F..");
                path = e.path().replace("{id}", bad);
                detail = bad;
            }
            case UNKNOWN_CONTRACT -> {
                String unknown = new UUID(random.nextLong(), random.nextLong()).toString();
                path = e.path().replace("{id}", unknown);
                detail = unknown;
            }
            case MALFORMED_PATH_MONTH -> {
                String bad = pick(random, "2025-13", "2025-00", "25-05", "2025-5", "May-2025", "2025-05-01");
                path = path.replaceFirst("\\d{4}-\\d{2}", bad);
                detail = bad;
            }
            case FAR_FUTURE_PATH_MONTH -> {
                String future = (2100 + random.nextInt(7000)) + "-0" + (1 + random.nextInt(9));
                path = path.replaceFirst("\\d{4}-\\d{2}", future);
                detail = future;
            }
            case WRONG_MEDIA_TYPE -> {
                contentType = pick(random, "application/xml", "application/x-www-form-urlencoded",
                        e.csv() ? "application/octet-stream" : "text/plain", "image/png");
                detail = contentType;
            }
            case CSV_OVERSIZED_CELL -> {
                String big = text(random, OVERSIZE_MIN, 60_000);
                body = "kpiCode,district,value,numerator,denominator\nATTEND," + big + ",80,,\n";
                detail = "district of " + big.length() + " characters";
            }
            case CSV_BAD_NUMBER -> {
                String bad = pick(random, "eighty", "1e400", "80%", "--1", "0x50", "1e15", "-1e15", "NaN");
                body = "kpiCode,district,value,numerator,denominator\nATTEND,," + bad + ",,\n";
                detail = bad;
            }
            case CSV_UNKNOWN_KPI -> {
                String code = "NOPE" + random.nextInt(100_000);
                body = "kpiCode,district,value,numerator,denominator\n" + code + ",,80,,\n";
                detail = code;
            }
            case CSV_BROKEN -> {
                body = pick(random, "", "\n", "ATTEND,,80,,\n", "kpiCode,district,value,numerator,denominator\n",
                        "kpiCode;district;value\nATTEND;;80\n",
                        "kpiCode,district,value,numerator,denominator\nATTEND,,80,,,,,,\n",
                        "kpiCode,district,value,numerator,denominator\n\"ATTEND,,80,,\n",
                        "\u0000\u0001\u0002binary");
                detail = "broken CSV of " + body.length() + " characters";
            }
            case NOT_AN_OBJECT -> {
                // an endpoint whose body is optional (extension) takes a JSON null as no body
                body = e.bodyOptional() ? pick(random, "[]", "[" + body + "]", "\"text\"", "42", "true")
                        : pick(random, "[]", "[" + body + "]", "\"text\"", "42", "null", "true");
                detail = body.length() > 40 ? body.substring(0, 40) + "..." : body;
            }
            case NOT_JSON -> {
                body = switch (random.nextInt(4)) {
                    case 0 -> body.substring(0, 1 + random.nextInt(body.length() - 2));
                    case 1 -> e.bodyOptional() ? "{" : "";
                    case 2 -> "{'single':'quotes'}";
                    default -> "<xml/>";
                };
                detail = "not JSON, " + body.length() + " characters";
            }
            default -> {
                ObjectNode tree = tree(body);
                detail = mutateTree(e, kind, random, tree);
                body = write(tree);
            }
        }
        return new Request(e, kind, detail, e.method(), path, contentType,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String mutateTree(Endpoint e, Kind kind, Random random, ObjectNode tree) {
        Map<String, JsonNode> leaves = leavesOf(tree);
        switch (kind) {
            case WRONG_TYPE -> {
                List<String> all = new ArrayList<>(allPaths(tree));
                String path = pick(random, all);
                JsonNode current = at(tree, path);
                JsonNode wrong = wrongType(current, random);
                set(tree, path, wrong);
                return path + " = " + abbreviate(wrong.toString());
            }
            case OVERSIZED_TEXT -> {
                String path = pick(random, leaves.entrySet().stream().filter(x -> x.getValue().isTextual())
                        .map(Map.Entry::getKey).toList());
                String big = text(random, OVERSIZE_MIN, OVERSIZE_MAX);
                set(tree, path, NODES.textNode(big));
                return path + " of " + big.length() + " characters";
            }
            case OUTSIDE_CLOSED_SET -> {
                String path = pick(random, List.copyOf(e.closedSets()));
                // Jackson trims the name of an enum constant, so " RED" is RED: not among the wrong values
                String value = pick(random, "PURPLE", "UNKNOWN", "NOT_A_VALUE", "Atlantis", "X" + random.nextInt(1000),
                        "red", "Red", "R E D", " ");
                set(tree, path, NODES.textNode(value));
                return path + " = '" + value + "'";
            }
            case NUMBER_OUT_OF_RANGE -> {
                String path = pick(random, leaves.entrySet().stream().filter(x -> x.getValue().isNumber())
                        .map(Map.Entry::getKey).toList());
                String number = pick(random, "1e15", "-1e15", "1e300", "-1e300", "123456789012345678901234567890",
                        "-99999999999999.99");
                set(tree, path, NODES.numberNode(new java.math.BigDecimal(number)));
                return path + " = " + number;
            }
            case MALFORMED_DATE -> {
                List<String> candidates = new ArrayList<>(e.dates());
                candidates.addAll(e.months());
                String path = pick(random, candidates);
                String bad = e.months().contains(path)
                        ? pick(random, "2025-13", "2025-00", "25-05", "2025-5", "May 2025", "2025/05")
                        : pick(random, "2025-02-30", "2025-13-01", "01/02/2025", "2025-1-1", "tomorrow", "20250101");
                set(tree, path, NODES.textNode(bad));
                return path + " = '" + bad + "'";
            }
            case FAR_FUTURE -> {
                String path = pick(random, List.copyOf(e.notInFarFuture()));
                int year = 2100 + random.nextInt(7000);
                String future = e.months().contains(path) ? year + "-01" : year + "-01-15";
                set(tree, path, NODES.textNode(future));
                return path + " = " + future;
            }
            case MISSING_REQUIRED -> {
                String path = pick(random, List.copyOf(e.required()));
                remove(tree, path);
                return "without " + path;
            }
            case NULL_REQUIRED -> {
                String path = pick(random, List.copyOf(e.required()));
                set(tree, path, NODES.nullNode());
                return path + " = null";
            }
            case UNKNOWN_FIELD -> {
                List<String> objects = new ArrayList<>();
                objects.add("");
                allPaths(tree).stream().filter(p -> at(tree, p).isObject()).forEach(objects::add);
                String parent = pick(random, objects);
                String name = pick(random, "unexpected", "ratting", "isAdmin", "__proto__", "approvedBy");
                ObjectNode target = parent.isEmpty() ? tree : (ObjectNode) at(tree, parent);
                target.put(name, true);
                return (parent.isEmpty() ? "" : parent + ".") + name + " added";
            }
            default -> throw new IllegalArgumentException(kind + " is not a body mutation");
        }
    }

    private static JsonNode wrongType(JsonNode current, Random random) {
        List<JsonNode> options = new ArrayList<>();
        if (!current.isTextual()) {
            options.add(NODES.textNode(current.isNumber() ? current.asText() : "7"));
        }
        if (!current.isNumber()) {
            options.add(NODES.numberNode(current.isBoolean() ? 1 : 7));
        }
        if (!current.isBoolean()) {
            options.add(NODES.booleanNode(true));
        }
        if (!current.isArray()) {
            options.add(NODES.arrayNode().add(current.deepCopy()));
        }
        if (!current.isObject()) {
            options.add(NODES.objectNode().set("value", current.deepCopy()));
        }
        return options.get(random.nextInt(options.size()));
    }

    /** The leaves (scalars) of the endpoint's body by path. */
    static Map<String, JsonNode> leaves(Endpoint e) {
        return leavesOf(tree(e.body()));
    }

    private static Map<String, JsonNode> leavesOf(JsonNode root) {
        Map<String, JsonNode> leaves = new java.util.LinkedHashMap<>();
        for (String path : allPaths(root)) {
            JsonNode node = at(root, path);
            if (node.isValueNode()) {
                leaves.put(path, node);
            }
        }
        return leaves;
    }

    private static List<String> allPaths(JsonNode root) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String path = prefix + "[" + i + "]";
                paths.add(path);
                collect(node.get(i), path, paths);
            }
        }
    }

    /** Splits {@code a.b[0].c} into {@code a}, {@code b}, {@code 0}, {@code c}. */
    private static List<Object> tokens(String path) {
        List<Object> tokens = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                tokens.add(name);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                tokens.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return tokens;
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (Object token : tokens(path)) {
            node = token instanceof Integer i ? node.get(i) : node.get((String) token);
            if (node == null) {
                throw new IllegalArgumentException("No " + path + " in " + root);
            }
        }
        return node;
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        List<Object> tokens = tokens(path);
        ContainerNode<?> parent = (ContainerNode<?>) parentOf(root, tokens);
        Object last = tokens.get(tokens.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static void remove(ObjectNode root, String path) {
        List<Object> tokens = tokens(path);
        JsonNode parent = parentOf(root, tokens);
        Object last = tokens.get(tokens.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).remove(i);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    private static JsonNode parentOf(JsonNode root, List<Object> tokens) {
        JsonNode node = root;
        for (Object token : tokens.subList(0, tokens.size() - 1)) {
            node = token instanceof Integer i ? node.get(i) : node.get((String) token);
        }
        return node;
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON object: " + json, e);
        }
    }

    private static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Random random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        char filler = (char) ('a' + random.nextInt(26));
        return String.valueOf(filler).repeat(length);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
