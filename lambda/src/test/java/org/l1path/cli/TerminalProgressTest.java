package org.l1path.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

  @Test
  void showsTheLastStepOfEachPhaseOnOneLineAndErasesItAtTheEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    TerminalProgress progress = new TerminalProgress(err);
    progress.foldFinished(1, 3);
    progress.foldFinished(3, 3);
    progress.finish();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("\r\033[Kcross-validating: 3 of 3 fits"), text);
    assertTrue(text.endsWith("\r\033[K"), "the line is erased before the summary");
    assertEquals(-1, text.indexOf('\n'), "never more than one line");
  }

  @Test
  void nothingShownNothingErased() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8)).finish();
    assertEquals(0, bytes.size());
  }
}
