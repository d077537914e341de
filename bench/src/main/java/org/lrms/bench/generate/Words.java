package org.lrms.bench.generate;

import java.util.SplittableRandom;

/** Vocabulary for generated records: plausible titles, names and subjects, deterministic by the random source. */
final class Words {

    static final String[] TITLE = ("adventure river secret garden mountain island winter summer dragon castle forest "
            + "journey storm shadow light ocean star moon sun city village friend family school teacher library "
            + "mystery treasure map golden silver hidden lost found brave little great last first wild quiet "
            + "history science planet earth animal horse dog cat bird whale tiger lion bear wolf fox owl bridge "
            + "road home heart dream song story tale legend king queen prince princess knight wizard magic spell "
            + "robot machine engine rocket space time clock window door key letter diary voice echo fire water "
            + "stone glass iron paper garden orchard harvest market festival carnival circus museum station "
            + "harbor lighthouse valley desert canyon jungle arctic volcano galaxy comet atlas compass").split(" ");
    static final String[] FIRST = ("Maria Jose Ana Luis Sofia Daniel Emma Liam Olivia Noah Ava Mateo Mia Lucas "
            + "Isabella Ethan Camila Diego Chloe Aiden Grace Leo Zoe Samuel Lily Gabriel Nora Elijah Hannah Owen "
            + "Aaliyah Wei Mei Hiroshi Yuki Priya Arjun Fatima Omar Amara Kwame").split(" ");
    static final String[] LAST = ("Garcia Martinez Lopez Hernandez Gonzalez Smith Johnson Williams Brown Jones "
            + "Miller Davis Rodriguez Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Perez Thompson White "
            + "Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Nguyen Kim Chen Patel "
            + "Singh Okafor Haddad Cohen Rossi").split(" ");
    static final String[] SUBJECTS = ("Juvenile fiction;Animals;Science;History;Biography;Poetry;Mathematics;"
            + "Space;Oceans;Dinosaurs;Friendship;Family life;Sports;Art;Music;Geography;California;Mystery;"
            + "Fantasy;Graphic novels;Spanish language materials;Health;Technology;Environment;Civil rights")
            .split(";");
    static final String[] MATERIAL = {"BOOK", "BOOK", "BOOK", "BOOK", "BOOK", "BOOK", "BOOK", "EBOOK", "AUDIOBOOK",
            "DVD", "PERIODICAL", "KIT"};
    static final String[] LANGUAGE = {"eng", "eng", "eng", "eng", "eng", "spa", "spa", "chi", "vie"};

    private Words() {
    }

    static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A title like "The Hidden River of the Golden Clock". */
    static String title(SplittableRandom random) {
        int shape = random.nextInt(4);
        String a = capitalized(pick(TITLE, random));
        String b = capitalized(pick(TITLE, random));
        String c = capitalized(pick(TITLE, random));
        return switch (shape) {
            case 0 -> "The " + a + " " + b;
            case 1 -> a + " and the " + b;
            case 2 -> "The " + a + " of the " + b + " " + c;
            default -> a + " " + b;
        };
    }

    static String person(SplittableRandom random) {
        return pick(LAST, random) + ", " + pick(FIRST, random);
    }

    /** A valid ISBN-13 (978 prefix) from a number. */
    static String isbn13(long number) {
        String base = "978" + String.format("%09d", number % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (base.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return base + ((10 - sum % 10) % 10);
    }

    /** A misspelling a student would type: one letter dropped or doubled. */
    static String misspelled(String word, SplittableRandom random) {
        if (word.length() < 5) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        return random.nextBoolean() ? word.substring(0, at) + word.substring(at + 1)
                : word.substring(0, at) + word.charAt(at) + word.substring(at);
    }
}
