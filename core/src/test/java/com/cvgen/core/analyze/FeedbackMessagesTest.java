package com.cvgen.core.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.generate.OutputLanguage;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundles themselves: same keys everywhere, every rule worded, every pattern well-formed. */
class FeedbackMessagesTest {

  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
  /** Keys that are plain texts, not MessageFormat patterns. */
  private static final Set<String> PLAIN = Set.of("quote.open", "quote.close", "list.separator", "list.last");

  @Test
  void everyLanguageHasTheSameKeys() {
    Set<String> en = FeedbackMessages.of(OutputLanguage.EN).keys();
    assertThat(FeedbackMessages.of(OutputLanguage.DE).keys()).isEqualTo(en);
    assertThat(FeedbackMessages.of(OutputLanguage.FR).keys()).isEqualTo(en);
  }

  @ParameterizedTest
  @EnumSource(OutputLanguage.class)
  void everyRuleHasAMessageAndASuggestionForEachWording(OutputLanguage language) {
    Set<String> keys = FeedbackMessages.of(language).keys();
    for (FeedbackRule rule : FeedbackRule.values()) {
      Set<String> messages = keys.stream().filter(k -> k.startsWith(rule.id() + ".message")).collect(Collectors.toSet());
      assertThat(messages).as(rule.id()).isNotEmpty();
      for (String m : messages) {
        assertThat(keys).as("suggestion for " + m).contains(m.replace(".message", ".suggestion"));
      }
    }
    Set<String> ruleIds = Arrays.stream(FeedbackRule.values()).map(FeedbackRule::id).collect(Collectors.toSet());
    assertThat(keys).allSatisfy(k -> assertThat(PLAIN.contains(k) || k.startsWith("entry.")
        || ruleIds.contains(k.substring(0, k.indexOf('.')))).as("key %s belongs to a rule", k).isTrue());
  }

  @Test
  void ruleIdsAreUniqueAndWellFormed() {
    List<String> ids = Arrays.stream(FeedbackRule.values()).map(FeedbackRule::id).toList();
    assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
  }

  /**
   * Formats every pattern with a marker for each text argument and a number for each numeric one:
   * each marker must come out (an unescaped apostrophe would swallow it), nothing may stay in
   * braces, and the languages must use the same arguments.
   */
  @ParameterizedTest
  @EnumSource(OutputLanguage.class)
  void everyPatternFormatsAndKeepsItsArguments(OutputLanguage language) {
    FeedbackMessages messages = FeedbackMessages.of(language);
    FeedbackMessages english = FeedbackMessages.of(OutputLanguage.EN);
    for (String key : messages.keys()) {
      if (PLAIN.contains(key)) continue;
      String pattern = messages.text(key);
      assertThat(arguments(pattern)).as("arguments of %s in %s", key, language).isEqualTo(arguments(english.text(key)));
      if (key.startsWith("entry.")) continue; // filled by String.replace, not MessageFormat
      assertThat(pattern).as("%s in %s: a lone apostrophe starts a quoted section", key, language)
          .doesNotContainPattern("(?<!')'(?!')");
      MessageFormat format = new MessageFormat(pattern, language.locale());
      for (int number : new int[] {0, 1, 7, 30}) {
        Object[] args = new Object[10];
        for (int i = 0; i < args.length; i++) {
          boolean numeric = pattern.contains("{" + i + ",choice") || pattern.contains("{" + i + ",number");
          args[i] = numeric ? number : "⟨" + i + "⟩";
        }
        String out = format.format(args);
        assertThat(out).as("%s in %s", key, language).doesNotContain("{", "}").isNotBlank();
        for (int i : arguments(pattern)) {
          if (args[i] instanceof String marker) assertThat(out).as("%s keeps argument %d", key, i).contains(marker);
        }
      }
    }
  }

  @Test
  void textsAreTranslatedNotCopied() {
    FeedbackMessages en = FeedbackMessages.of(OutputLanguage.EN);
    for (OutputLanguage language : List.of(OutputLanguage.DE, OutputLanguage.FR)) {
      FeedbackMessages other = FeedbackMessages.of(language);
      for (String key : en.keys()) {
        if (key.contains(".message") || key.contains(".suggestion")) {
          assertThat(other.text(key)).as("%s in %s", key, language).isNotEqualTo(en.text(key));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(OutputLanguage.class)
  void textsAreReadAsUtf8(OutputLanguage language) {
    FeedbackMessages messages = FeedbackMessages.of(language);
    assertThat(messages.keys()).allSatisfy(k -> assertThat(messages.text(k)).doesNotContain("Ã", "â€", "\uFFFD"));
  }

  @Test
  void quotesListsAndEntryNamesFollowTheLanguage() {
    assertThat(FeedbackMessages.of(OutputLanguage.EN).quote("Java")).isEqualTo("'Java'");
    assertThat(FeedbackMessages.of(OutputLanguage.DE).quote("Java")).isEqualTo("„Java“");
    assertThat(FeedbackMessages.of(OutputLanguage.FR).quote("Java")).isEqualTo("«\u00a0Java\u00a0»");
    assertThat(FeedbackMessages.of(OutputLanguage.EN).join(List.of("a", "b", "c"))).isEqualTo("a, b and c");
    assertThat(FeedbackMessages.of(OutputLanguage.DE).join(List.of("a", "b"))).isEqualTo("a und b");
    assertThat(FeedbackMessages.of(OutputLanguage.FR).join(List.of("a"))).isEqualTo("a");
    assertThat(FeedbackMessages.of(OutputLanguage.FR).quote("x".repeat(200)))
        .hasSizeLessThanOrEqualTo(FeedbackMessages.MAX_QUOTED + 4).contains("…");
  }

  @Test
  void entryNamesAreFilledInOnePass() {
    assertThat(FeedbackMessages.fill("{0} at {1}", "Dev {1}", "Acme")).isEqualTo("Dev {1} at Acme");
    assertThat(FeedbackMessages.fill("role {0}", "3")).isEqualTo("role 3");
    assertThat(FeedbackMessages.fill("{0} $ {1}", "a\\b", "$1")).isEqualTo("a\\b $ $1");
  }

  private static Set<Integer> arguments(String pattern) {
    Set<Integer> out = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern);
    while (m.find()) out.add(Integer.parseInt(m.group(1)));
    return out;
  }
}
