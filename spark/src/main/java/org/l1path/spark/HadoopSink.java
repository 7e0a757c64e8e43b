package org.l1path.spark;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.l1path.job.ResultSink;

/** Writes the fit command's result files into a directory of any Hadoop file system. */
final class HadoopSink implements ResultSink {
  private final Path directory;
  private final FileSystem fs;

  HadoopSink(String directory, Configuration conf) throws IOException {
    this.directory = new Path(directory);
    this.fs = this.directory.getFileSystem(conf);
    fs.mkdirs(this.directory);
  }

  @Override
  public void write(String name, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(new Path(directory, name), true)) {
      out.write(bytes);
    }
  }
}
