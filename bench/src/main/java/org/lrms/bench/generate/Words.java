package org.lrms.bench.generate;

import java.util.SplittableRandom;

/**
 * Vocabulary for generated records: plausible titles, names and subjects, deterministic by the random source.
 * <p>
 * A real catalog's words are a few common ones and a long tail of rare ones (names, places, terms): a district's
 * million titles hold a few hundred thousand distinct words. Title words, surnames, first names and subject names are
 * therefore each drawn by rank from a Zipf law of exponent 1: the first ranks are the curated English lists below, the
 * rest pseudo-words built from syllables. A rank's pseudo-word is a function of the rank alone (the same in every
 * district, like a language), so nothing is kept in memory and no file is read.
 */
final class Words {

    static final String[] TITLE = ("adventure river secret garden mountain island winter summer dragon castle forest "
            + "journey storm shadow light ocean star moon sun city village friend family school teacher library "
            + "mystery treasure map golden silver hidden lost found brave little great last first wild quiet "
            + "history science planet earth animal horse dog cat bird whale tiger lion bear wolf fox owl bridge "
            + "road home heart dream song story tale legend king queen prince princess knight wizard magic spell "
            + "robot machine engine rocket space time clock window door key letter diary voice echo fire water "
            + "stone glass iron paper orchard harvest market festival carnival circus museum station "
            + "harbor lighthouse valley desert canyon jungle arctic volcano galaxy comet atlas compass ancient "
            + "forgotten silent broken crystal frozen midnight scarlet emerald curious missing amazing "
            + "strange tiny giant hungry sleepy clever wonderful endless burning shining dark bright northern "
            + "southern seventh hundred invisible mighty gentle lonely ghost pirate detective captain soldier "
            + "mermaid monster crown sword shield tower kingdom empire voyage escape return rescue promise "
            + "courage wish whisper riddle puzzle game dance painting kitchen farm").split(" ");
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

    /**
     * Ranks of each law (curated words included), sized so that 1,000,000 titles hold about 350,000 distinct words,
     * as a real district catalog's word list does (WordsTest counts them at a smaller scale).
     */
    static final int TITLE_RANKS = 400_000;
    /**
     * The ranks English gives its function words (the, of, and, a, in, to...), which the title templates write
     * themselves: the curated content words come after them. Without the shift the first curated word ("adventure")
     * was in 19 % of the titles, where a real catalog's commonest content word ("history") is in a few percent.
     */
    static final int TITLE_SHIFT = 10;
    static final int SURNAME_RANKS = 150_000;
    static final int FIRST_NAME_RANKS = 5_000;
    static final int SUBJECT_NAME_RANKS = 40_000;

    /** Streams of pseudo-words: each law's tail is its own, so a rank means another word in each. */
    private static final long TITLE_STREAM = 0x1F2E3D4C5B6A7988L;
    private static final long SURNAME_STREAM = 0x2E3D4C5B6A798817L;
    private static final long FIRST_NAME_STREAM = 0x3D4C5B6A79881726L;
    private static final long SUBJECT_STREAM = 0x4C5B6A7988172635L;

    // Letters weighted by repetition: common ones appear more than once.
    private static final String[] ONSET = ("b b bl br c c ch cl cr d d dr f fl fr g gl gr h h j k l l m m n n p pl "
            + "pr qu r r s s sc sh sk sl sp st str t t th tr v w wh z").split(" ");
    private static final String[] VOWEL = "a a a e e e i i o o o u ai ea ee ie oa ou au y".split(" ");
    private static final String[] CODA = {"", "", "", "", "", "n", "n", "r", "r", "l", "l", "s", "th", "nd", "rn",
        "st", "m", "x", "ck", "ng", "rd", "lt", "sh"};
    private static final String[] ENDING = {"", "", "", "", "a", "a", "ia", "on", "en", "is", "us", "or", "ell", "ine",
        "ar", "ora", "ium", "ith"};
    private static final String[] SURNAME_ENDING = {"", "", "", "son", "sen", "ez", "es", "ski", "ova", "er", "ton",
        "ley", "man", "berg", "ford", "well", "ini", "ian"};
    private static final String[] FIRST_NAME_ENDING = "a a o ia el an ie en i y".split(" ");
    private static final String[] SUBJECT_KIND = {"(Imaginary place)", "(Legendary character)", "family",
        "(Fictitious language)", "Island", "(Fictitious character)", "River", "(Mythical creature)"};

    private Words() {
    }

    static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * A rank from 0 to {@code ranks - 1}, rank k with probability ln((k + 2) / (k + 1)) / ln(ranks + 1): Zipf's law of
     * exponent 1 (about 1 / (k + 1.5)), drawn in O(1) by inverting its cumulative ln(k + 1) / ln(ranks + 1).
     */
    static int zipfRank(int ranks, SplittableRandom random) {
        return zipfRank(ranks, 0, random);
    }

    /**
     * The same law with its first {@code shift} ranks left out (about 1 / (k + shift + 1.5)), drawn by inverting its
     * cumulative ln((k + 1 + shift) / (1 + shift)) / ln((ranks + 1 + shift) / (1 + shift)); with {@code StrictMath},
     * whose results are the same on every machine, so a seed's district is (Math may differ by one ulp).
     */
    static int zipfRank(int ranks, int shift, SplittableRandom random) {
        double base = 1.0 + shift;
        double rank = base * StrictMath.exp(random.nextDouble() * StrictMath.log((ranks + base) / base)) - base;
        return Math.min(ranks - 1, (int) rank);
    }

    /** Title word of rank {@code rank}: the curated words first, then pseudo-words ("valdoria", "brenthis"). */
    static String titleWord(int rank) {
        return rank < TITLE.length ? TITLE[rank] : pseudoWord(TITLE_STREAM, rank, ENDING);
    }

    static String titleWord(SplittableRandom random) {
        return titleWord(zipfRank(TITLE_RANKS, TITLE_SHIFT, random));
    }

    static String surname(int rank) {
        return rank < LAST.length ? LAST[rank] : capitalized(pseudoWord(SURNAME_STREAM, rank, SURNAME_ENDING));
    }

    static String firstName(int rank) {
        return rank < FIRST.length ? FIRST[rank] : capitalized(pseudoWord(FIRST_NAME_STREAM, rank, FIRST_NAME_ENDING));
    }

    /**
     * The pseudo-word of {@code rank} in a stream: one to three syllables (onset, vowel, coda) and an ending, 4 to 12
     * lower-case letters. Two ranks may give the same word, as two names may be spelled alike; that is rare.
     */
    static String pseudoWord(long stream, int rank, String[] endings) {
        SplittableRandom random = new SplittableRandom(stream ^ (rank * 0x9E3779B97F4A7C15L));
        while (true) {
            StringBuilder word = new StringBuilder(14);
            int shape = random.nextInt(4);
            int syllables = shape == 0 ? 1 : shape == 3 ? 3 : 2;
            for (int s = 0; s < syllables; s++) {
                String onset = pick(ONSET, random);
                String vowel = pick(VOWEL, random);
                word.append(onset).append(onset.equals("qu") && vowel.charAt(0) == 'u' ? "a" : vowel)
                        .append(pick(CODA, random));
            }
            String ending = pick(endings, random);
            if (!(isVowel(word.charAt(word.length() - 1)) && !ending.isEmpty() && isVowel(ending.charAt(0)))) {
                word.append(ending); // never three vowels in a row ("quouwaiith")
            }
            if (word.length() >= 4 && word.length() <= 12) {
                return word.toString();
            }
        }
    }

    private static boolean isVowel(char letter) {
        return "aeiouy".indexOf(letter) >= 0;
    }

    /**
     * A curated word, any of them alike: the words that make a title read as one ("The Hidden ..."). Uniform: a Zipf
     * law over the 174 of them put the first in one title in eight by itself.
     */
    static String commonWord(SplittableRandom random) {
        return pick(TITLE, random);
    }

    /**
     * A title like "The Hidden Valdoria of the Golden Clock": the first word of a pair is a curated one, the others
     * come from the whole law (mostly common, often rare).
     */
    static String title(SplittableRandom random) {
        int shape = random.nextInt(5);
        String a = capitalized(shape == 1 || shape == 3 ? titleWord(random) : commonWord(random));
        String b = capitalized(titleWord(random));
        return switch (shape) {
            case 0 -> "The " + a + " " + b;
            case 1 -> a + " and the " + b;
            case 2 -> "The " + a + " " + b + " of the " + capitalized(commonWord(random)) + " "
                    + capitalized(titleWord(random));
            case 3 -> "The " + a + " of " + b;
            default -> a + " " + b;
        };
    }

    /** A subtitle for one title in three ("A Novel", "A Tale of Brenthis"), else null. */
    static String subtitle(SplittableRandom random) {
        if (random.nextInt(3) != 0) {
            return null;
        }
        return switch (random.nextInt(4)) {
            case 0 -> "A Novel";
            case 1 -> "A Tale of " + capitalized(titleWord(random));
            case 2 -> capitalized(titleWord(random)) + " and " + capitalized(titleWord(random));
            default -> "The " + capitalized(titleWord(random)) + " Chronicles";
        };
    }

    /** "Surname, First name", both by their Zipf laws: a few common names and a long tail. */
    static String person(SplittableRandom random) {
        return surname(zipfRank(SURNAME_RANKS, random)) + ", " + firstName(zipfRank(FIRST_NAME_RANKS, random));
    }

    /**
     * Half the subjects from the curated list, the other half topical ones of their own Zipf law: a place, a
     * character, a family ("Valdoria (Imaginary place)", "Brenthis family", "Frith River"), so subject words have a
     * tail too.
     */
    static String subject(SplittableRandom random) {
        if (random.nextBoolean()) {
            return pick(SUBJECTS, random);
        }
        int rank = zipfRank(SUBJECT_NAME_RANKS, random);
        String kind = SUBJECT_KIND[rank % SUBJECT_KIND.length];
        String name = kind.equals("family") ? surname(rank) : capitalized(pseudoWord(SUBJECT_STREAM, rank, ENDING));
        return name + " " + kind;
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

    /** A misspelling a student would type: one letter dropped or doubled, or two neighbouring letters swapped. */
    static String misspelled(String word, SplittableRandom random) {
        if (word.length() < 5) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            default -> word.charAt(at) == word.charAt(at + 1) ? word.substring(0, at) + word.substring(at + 1)
                    : word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
    }
}
