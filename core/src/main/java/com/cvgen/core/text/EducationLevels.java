package com.cvgen.core.text;

import com.cvgen.core.model.EducationLevel;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the education level a degree name shows, in en, de and fr ("M.Sc." and "Diplom" -> MASTER,
 * "Licence" -> BACHELOR, "Abitur" -> SECONDARY). The one table the matcher and the offer share.
 */
public final class EducationLevels {
  /** Degree words by level, checked from the highest level down; matched as whole words. */
  private static final List<Map.Entry<EducationLevel, Pattern>> DEGREES = List.of(
      Map.entry(EducationLevel.DOCTORATE, words("ph\\.?\\s?d\\.?", "doctorate", "doctoral", "doctor of", "dphil",
          "promotion", "dr\\.", "doktor", "doctorat", "doctorado", "dottorato")),
      Map.entry(EducationLevel.MASTER, words("master'?s?", "m\\.?\\s?sc\\.?", "msc", "m\\.\\s?s\\.", "m\\.?\\s?a\\.", "mba",
          "m\\.?\\s?eng\\.?", "meng", "mphil", "llm", "diplom", "diplom-\\S+", "dipl\\.(-\\S+)?", "magister",
          "staatsexamen", "mastère", "master 2", "m2", "bac\\s?\\+\\s?5", "ingénieur", "laurea magistrale", "máster")),
      Map.entry(EducationLevel.BACHELOR, words("bachelor'?s?", "b\\.?\\s?sc\\.?", "bsc", "b\\.\\s?s\\.?", "b\\.?\\s?a\\.",
          "b\\.?\\s?eng\\.?", "beng", "bba", "llb", "licence", "license", "bac\\s?\\+\\s?3", "laurea", "licenciatura",
          "grado", "undergraduate degree", "4-year degree", "university degree", "hochschulabschluss", "studium")),
      Map.entry(EducationLevel.ASSOCIATE, words("associate'?s?", "a\\.\\s?s\\.", "a\\.\\s?a\\.", "bts", "dut",
          "hnd", "bac\\s?\\+\\s?2", "fachwirt", "techniker")),
      Map.entry(EducationLevel.VOCATIONAL, words("ausbildung", "berufsausbildung", "lehre", "apprenticeship",
          "vocational", "cap", "bep", "gesellenbrief", "meister", "kaufmann", "kauffrau", "fachinformatiker")),
      Map.entry(EducationLevel.SECONDARY, words("abitur", "fachabitur", "matura", "maturität", "high school",
          "baccalauréat", "baccalaureate", "bac", "a-levels?", "gcses?", "ged", "mittlere reife", "realschulabschluss")));

  private EducationLevels() {}

  private static Pattern words(String... alternatives) {
    return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
  }

  /** The education level a degree name shows, e.g. "Master of Science" -> MASTER. */
  public static Optional<EducationLevel> of(String degree) {
    if (degree == null || degree.isBlank()) return Optional.empty();
    String d = Normalizer.normalize(degree, Normalizer.Form.NFC);
    for (Map.Entry<EducationLevel, Pattern> e : DEGREES) {
      if (e.getValue().matcher(d).find()) return Optional.of(e.getKey());
    }
    return Optional.empty();
  }
}
