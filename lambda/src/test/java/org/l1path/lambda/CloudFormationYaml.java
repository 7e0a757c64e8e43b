package org.l1path.lambda;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation template. Its short-form intrinsic functions ({@code !Ref X}, {@code
 * !GetAtt A.B}, {@code !Sub "..."}) become their long form ({@code {"Ref": "X"}}, …), so a test can
 * walk the template as plain maps and lists.
 */
final class CloudFormationYaml {
  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path template) throws IOException {
    try (Reader in = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
      return (Map<String, Object>) new Yaml(new IntrinsicFunctions()).load(in);
    }
  }

  private static final class IntrinsicFunctions extends SafeConstructor {
    IntrinsicFunctions() {
      super(new LoaderOptions());
      yamlMultiConstructors.put("!", new LongForm());
    }

    private final class LongForm extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String function = node.getTag().getValue().substring(1);
        String name =
            function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
        Object value;
        if (node instanceof ScalarNode scalar) {
          value =
              function.equals("GetAtt")
                  ? java.util.List.of(scalar.getValue().split("\\.", 2))
                  : scalar.getValue();
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        return Map.of(name, value);
      }
    }
  }
}
