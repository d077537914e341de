package org.lrms.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bench's command line: {@code --name value} pairs, every name one the bench knows and every number a whole
 * number above zero, so that a mistyped option ({@code --scenario lookup}, {@code --rate 5OO}) stops the run before the
 * stack is started or the machine loaded, instead of being ignored.
 */
final class Options {

    /** Options that take a whole number above zero ({@code warmup} and {@code seed} may be zero). */
    static final Set<String> NUMBERS = Set.of("sites", "patrons", "titles", "copies", "seed", "duration", "warmup",
            "rate", "desks", "search-rate", "marc-records", "roster-users", "report-loans", "ingest-events");
    /** Options that take a word or a path. */
    static final Set<String> WORDS = Set.of("project", "classpath", "out", "scale", "scenarios", "marc-site");

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** The options of {@code args}; an {@link IllegalArgumentException} that says what is wrong otherwise. */
    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected an option (--name value), got " + arg);
            }
            String name = arg.substring(2);
            if (!NUMBERS.contains(name) && !WORDS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + known());
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            if (NUMBERS.contains(name)) {
                checkNumber(name, value);
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException(arg + " is given twice");
            }
        }
        return new Options(values);
    }

    String get(String name) {
        return values.get(name);
    }

    String getOrDefault(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The whole number {@code name}, or null when not given. */
    Integer integer(String name) {
        return values.containsKey(name) ? Integer.valueOf(values.get(name)) : null;
    }

    int integer(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    long whole(String name, long otherwise) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : otherwise;
    }

    private static void checkNumber(String name, String value) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got " + value);
        }
        boolean fitsAnInt = n <= Integer.MAX_VALUE || List.of("seed", "report-loans", "ingest-events").contains(name);
        long least = name.equals("warmup") || name.equals("seed") ? 0 : 1;
        if (n < least || !fitsAnInt) {
            throw new IllegalArgumentException("--" + name + " must be " + least + " or more"
                    + (fitsAnInt ? "" : " and at most " + Integer.MAX_VALUE) + ", got " + value);
        }
    }

    private static String known() {
        Set<String> all = new TreeSet<>(NUMBERS);
        all.addAll(WORDS);
        return String.join(", ", all.stream().map(n -> "--" + n).toList());
    }
}
