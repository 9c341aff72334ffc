package org.softmaxcourse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bundles as a whole, and the language switch. */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @AfterEach
    void backToEnglish() {
        Messages.use("en");
    }

    @Test
    void everyEnglishTextIsWrittenOnceInOneBundle() {
        // Two keys with one English text would be one string translated in two places.
        Map<String, String> firstKey = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (String area : Messages.AREAS) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(Messages.bundle(area, "en")).entrySet()) {
                String before = firstKey.putIfAbsent(e.getValue(), e.getKey());
                if (before != null) {
                    twice.add("\"" + e.getValue() + "\": " + before + " and " + e.getKey());
                }
            }
        }
        assertEquals(List.of(), twice);
    }

    @Test
    void everyKeyHasBothLanguagesWithTheSamePlaceholders() {
        List<String> problems = new ArrayList<>();
        int keys = 0;
        for (String area : Messages.AREAS) {
            Map<String, String> en = Messages.bundle(area, "en");
            Map<String, String> zh = Messages.bundle(area, "zh");
            keys += en.size();
            for (String k : new TreeSet<>(en.keySet())) {
                if (!k.startsWith(area + ".")) {
                    problems.add(k + ": not in area " + area);
                }
                if (!zh.containsKey(k)) {
                    problems.add(k + ": no Chinese");
                } else if (!placeholders(en.get(k)).equals(placeholders(zh.get(k)))) {
                    problems.add(k + ": placeholders " + placeholders(en.get(k)) + " vs " + placeholders(zh.get(k)));
                }
            }
            for (String k : new TreeSet<>(zh.keySet())) {
                if (!en.containsKey(k)) {
                    problems.add(k + ": Chinese only, no English");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(keys > 0, "no bundle found");
    }

    @Test
    void textSubstitutesArgumentsAndSwitchesLanguage() {
        assertEquals("image 720×450", Messages.text("notebook.image", 720, 450));
        Messages.use("zh");
        assertEquals("zh", Messages.language());
        assertEquals("图像 720×450", Messages.text("notebook.image", 720, 450));
        assertEquals(List.of(), Messages.untranslated());
    }

    @Test
    void translateFindsAStringByItsEnglishTextAndListsWhatItCannot() {
        assertEquals("image {0}×{1}", Messages.translate("image {0}×{1}"), "English passes through");
        Messages.use("zh");
        assertEquals("图像 {0}×{1}", Messages.translate("image {0}×{1}"));
        assertEquals("no such sentence", Messages.translate("no such sentence"));
        assertEquals(List.of("no such sentence"), Messages.untranslated());
        assertEquals(null, Messages.translate(null));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Messages.use("fr"));
        assertTrue(e.getMessage().contains("\"fr\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Messages.text("notebook.no-such-key"));
        assertTrue(e.getMessage().contains("notebook.no-such-key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Messages.text("nodot"));
        assertTrue(e.getMessage().contains("nodot"), e.getMessage());
        assertFalse(Messages.english() && !Messages.language().equals("en"));
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
