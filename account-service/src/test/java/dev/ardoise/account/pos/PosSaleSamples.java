package dev.ardoise.account.pos;

import java.util.List;

/** A sample of the generated POS messages of {@link PosSalePropertiesTest}, for the tests that publish them on the topic. */
public final class PosSaleSamples {
    public List<String> sample(int count) {
        return new PosSalePropertiesTest().messages().sampleStream().limit(count).toList();
    }
}
