package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The result sink against a real S3-protocol server: a file another delivery wrote is listed and
 * left as it is; a repeat of the sink's own put (as an SDK retry after a lost answer sends it) is
 * not mistaken for another delivery's file.
 */
class S3ResultSinkIT {
  private static final String BUCKET = "results";

  private static LocalS3 s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3();
    s3.client().createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void aFileAnotherDeliveryWroteIsListedAndKept() {
    new S3ResultSink(s3.client(), BUCKET, "first/").write("model.json", bytes("{\"a\": 1}"));
    S3ResultSink later = new S3ResultSink(s3.client(), BUCKET, "first/");

    later.write("model.json", bytes("{\"a\": 2}"));

    assertEquals(List.of("model.json (412)"), later.alreadyThere());
    assertEquals("{\"a\": 1}", read("first/model.json"));
  }

  @Test
  void aRepeatOfItsOwnPutIsNotAnotherDeliverysFile() {
    S3ResultSink sink = new S3ResultSink(s3.client(), BUCKET, "retried/");
    sink.write("coefficients.csv", bytes("alpha,feature,value\n"));

    sink.write("coefficients.csv", bytes("alpha,feature,value\n"));

    assertEquals(List.of(), sink.alreadyThere());
    assertEquals("alpha,feature,value\n", read("retried/coefficients.csv"));
  }

  @Test
  void streamedContentLandsWholeAndAnotherDeliverysFileIsStillKept() throws Exception {
    S3ResultSink sink = new S3ResultSink(s3.client(), BUCKET, "streamed/");
    StringBuilder large = new StringBuilder("{\"coefficients\": [");
    for (int j = 0; j < 200_000; j++) {
      large.append(j == 0 ? "" : ", ").append(j % 7 == 0 ? "0.5" : "0");
    }
    String json = large.append("]}\n").toString();
    sink.write("model.json", out -> out.write(bytes(json)));
    assertEquals(json, read("streamed/model.json"));

    S3ResultSink later = new S3ResultSink(s3.client(), BUCKET, "streamed/");
    later.write("model.json", out -> out.write(bytes("{}")));
    assertEquals(List.of("model.json (412)"), later.alreadyThere());
    assertEquals(json, read("streamed/model.json"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String read(String key) {
    return s3.client().getObjectAsBytes(g -> g.bucket(BUCKET).key(key)).asUtf8String();
  }
}
