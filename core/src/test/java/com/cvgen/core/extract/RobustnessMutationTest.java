package com.cvgen.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.cvgen.core.CvInputException;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.Resume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Damaged variants of real CVs, made from the corpus with a fixed seed (cut short, bytes
 * overwritten, a chunk cut out): each gives a schema-valid CV or a {@link CvInputException} within
 * 10 s, never another exception. (A longer run of this kind found the page without resources that
 * {@code BadInputTest} now pins down.)
 */
class RobustnessMutationTest {
  private static final int MUTANTS = 48;
  private static final long SEED = 20_240_601L;
  private static final CvExtractor EXTRACTOR = new CvExtractor();

  @TestFactory
  Stream<DynamicTest> damagedCvsGiveACvOrABadInputError() throws IOException {
    Path corpus = RobustnessCorpusTest.corpus();
    List<Path> pdfs;
    try (Stream<Path> files = Files.walk(corpus)) {
      pdfs = files.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().toList();
    }
    assertThat(pdfs).isNotEmpty();
    Random random = new Random(SEED);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < MUTANTS; i++) {
      Path pdf = pdfs.get(random.nextInt(pdfs.size()));
      byte[] bytes = Files.readAllBytes(pdf);
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
      byte[] mutant = mutation.apply(bytes, random);
      tests.add(dynamicTest(i + " " + mutation + " " + corpus.relativize(pdf),
          () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> extract(mutant))));
    }
    return tests.stream();
  }

  private static void extract(byte[] pdf) {
    Resume resume;
    try {
      resume = EXTRACTOR.extract(pdf);
    } catch (CvInputException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(SchemaValidator.RESUME.validate(resume)).isEmpty();
  }

  private enum Mutation {
    CUT_SHORT {
      @Override
      byte[] apply(byte[] b, Random r) {
        return Arrays.copyOf(b, 1 + r.nextInt(b.length));
      }
    },
    OVERWRITE_BYTES {
      @Override
      byte[] apply(byte[] b, Random r) {
        byte[] m = b.clone();
        for (int k = 1 + r.nextInt(50); k > 0; k--) m[r.nextInt(m.length)] = (byte) r.nextInt(256);
        return m;
      }
    },
    CUT_OUT_CHUNK {
      @Override
      byte[] apply(byte[] b, Random r) {
        int at = r.nextInt(b.length);
        int length = Math.min(b.length - at, r.nextInt(5000));
        byte[] m = new byte[b.length - length];
        System.arraycopy(b, 0, m, 0, at);
        System.arraycopy(b, at + length, m, at, b.length - at - length);
        return m;
      }
    };

    abstract byte[] apply(byte[] bytes, Random random);
  }
}
