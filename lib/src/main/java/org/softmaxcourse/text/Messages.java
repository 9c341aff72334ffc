package org.softmaxcourse.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every string the library shows, in the reader's language: {@code text("plot.loss.title")} reads
 * a key from the resource bundle of its area (the part before the first dot, here
 * {@code org/softmaxcourse/text/plot.properties}, or {@code plot_zh.properties} in Chinese), and
 * {@code translate("loss of one prediction")} looks up a display string a notebook passed in
 * English by its English text.
 *
 * <p>English is the default; {@link #use(String)} switches the whole library, for the rest of the
 * JVM's life (a notebook's kernel), and is called once, from the notebook's set-up cell. Each
 * English text is written in one bundle under one key ({@code MessagesTest} checks it), so no
 * string is ever translated in two places.
 *
 * <p>Bundles are UTF-8 {@code .properties} files read with no fallback to the JVM's default
 * locale: a machine set to Chinese still shows the English course unless a notebook asks.
 */
public final class Messages {
    /** Where the bundles live: {@code org/softmaxcourse/text/AREA.properties}. */
    public static final String PACKAGE = "org.softmaxcourse.text";

    /**
     * The bundles, one per area of the library and one per notebook ({@code nb00} … {@code nb09}
     * hold the display strings the notebooks' code cells pass to the library).
     */
    public static final List<String> AREAS = List.of("activation", "classify", "data", "derivation", "eval",
            "exercise", "gradcheck", "info", "loss", "notebook", "plot", "table", "nb00", "nb01", "nb02", "nb03",
            "nb04", "nb05", "nb06", "nb07", "nb08", "nb09");

    /** The languages the course is written in, by BCP 47 tag. */
    public static final List<String> LANGUAGES = List.of("en", "zh");

    /**
     * Reads exactly one file per language: no parent chain (a Chinese bundle must not answer with its
     * English parent's text) and no fallback to the JVM's default locale.
     */
    private static final ResourceBundle.Control ONE_FILE = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public List<Locale> getCandidateLocales(String baseName, Locale locale) {
            return List.of(locale);
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }
    };

    private static volatile Locale language = Locale.ENGLISH;
    private static final Set<String> UNTRANSLATED = Collections.synchronizedSet(new TreeSet<>());
    private static volatile Map<String, String> keyOfEnglish;

    private Messages() {
    }

    /**
     * Switches every string the library shows from now on to a language.
     *
     * @param languageTag {@code "en"} or {@code "zh"} (simplified Chinese)
     * @throws IllegalArgumentException naming the tag when the course is not written in it
     */
    public static void use(String languageTag) {
        if (languageTag == null || !LANGUAGES.contains(languageTag)) {
            throw new IllegalArgumentException("languageTag must be one of " + LANGUAGES + ", was "
                    + (languageTag == null ? "null" : "\"" + languageTag + "\""));
        }
        language = Locale.forLanguageTag(languageTag);
        UNTRANSLATED.clear();
    }

    /**
     * The language in use.
     *
     * @return {@code "en"} (the default) or {@code "zh"}
     */
    public static String language() {
        return language.getLanguage();
    }

    /**
     * Whether the library speaks English now.
     *
     * @return true unless {@link #use(String)} switched to another language
     */
    public static boolean english() {
        return language.getLanguage().equals("en");
    }

    /**
     * The text of a key in the language in use, with {@code {0}}, {@code {1}}, … replaced by the
     * arguments' {@code String.valueOf}. A key the language lacks falls back to English and is
     * listed by {@link #untranslated()}.
     *
     * @param key {@code area.name}, for example {@code "plot.loss.title"}
     * @param args the values of the placeholders, in order
     * @return the text
     * @throws IllegalArgumentException naming the key when its area or the key does not exist
     */
    public static String text(String key, Object... args) {
        String value = lookup(key, language);
        if (value == null && !english()) {
            UNTRANSLATED.add(key);
            value = lookup(key, Locale.ENGLISH);
        }
        if (value == null) {
            throw new IllegalArgumentException("key \"" + key + "\" is in no bundle: add it to "
                    + PACKAGE.replace('.', '/') + "/" + area(key) + ".properties");
        }
        return substitute(value, args);
    }

    /**
     * A display string a notebook passed in English (a chart title, a series name, a hint), in the
     * language in use. It is found by its English text in the bundles; in English, or when no bundle
     * has it, it comes back unchanged, and in another language it is then listed by
     * {@link #untranslated()}.
     *
     * @param english the English text, or null
     * @return its translation, or {@code english} itself
     */
    public static String translate(String english) {
        if (english == null || english.isBlank() || english()) {
            return english;
        }
        String key = englishIndex().get(english);
        String value = key == null ? null : lookup(key, language);
        if (value == null) {
            UNTRANSLATED.add(key == null ? english : key);
            return english;
        }
        return value;
    }

    /**
     * The keys and English strings shown since the last {@link #use(String)} that the language in
     * use has no text for: empty in English, and empty in Chinese when the course is fully
     * translated. The notebook runner reads it after each Chinese notebook.
     *
     * @return keys and untranslated English strings, sorted
     */
    public static List<String> untranslated() {
        synchronized (UNTRANSLATED) {
            return List.copyOf(new ArrayList<>(UNTRANSLATED));
        }
    }

    /**
     * One bundle as a map from key to text, for tests and tools.
     *
     * @param area one of {@link #AREAS}
     * @param languageTag one of {@link #LANGUAGES}
     * @return the bundle's own entries (no English fallback), in no particular order
     * @throws IllegalArgumentException naming the area or tag when it is not one of the course's
     */
    public static Map<String, String> bundle(String area, String languageTag) {
        if (!AREAS.contains(area)) {
            throw new IllegalArgumentException("area must be one of " + AREAS + ", was \"" + area + "\"");
        }
        if (!LANGUAGES.contains(languageTag)) {
            throw new IllegalArgumentException("languageTag must be one of " + LANGUAGES + ", was \"" + languageTag
                    + "\"");
        }
        ResourceBundle b = load(area, Locale.forLanguageTag(languageTag));
        Map<String, String> entries = new HashMap<>();
        if (b != null) {
            for (String k : b.keySet()) {
                entries.put(k, b.getString(k));
            }
        }
        return entries;
    }

    private static String lookup(String key, Locale in) {
        ResourceBundle b = load(area(key), in);
        if (b == null) {
            return null;
        }
        return b.containsKey(key) ? b.getString(key) : null;
    }

    private static ResourceBundle load(String area, Locale in) {
        try {
            Locale bundleLocale = in.getLanguage().equals("en") ? Locale.ROOT : in;
            return ResourceBundle.getBundle(PACKAGE + "." + area, bundleLocale, Messages.class.getClassLoader(),
                    ONE_FILE);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static String area(String key) {
        int dot = key == null ? -1 : key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("key must be area.name, was "
                    + (key == null ? "null" : "\"" + key + "\""));
        }
        return key.substring(0, dot);
    }

    private static Map<String, String> englishIndex() {
        Map<String, String> index = keyOfEnglish;
        if (index == null) {
            index = new HashMap<>();
            for (String area : AREAS) {
                for (Map.Entry<String, String> e : bundle(area, "en").entrySet()) {
                    index.putIfAbsent(e.getValue(), e.getKey());
                }
            }
            keyOfEnglish = index;
        }
        return index;
    }

    private static String substitute(String pattern, Object... args) {
        if (args == null || args.length == 0) {
            return pattern;
        }
        // Plain {i} replacement, not MessageFormat: an apostrophe in the text stays an apostrophe.
        StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                if (n < args.length) {
                    out.append(args[n]);
                    i = close;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
