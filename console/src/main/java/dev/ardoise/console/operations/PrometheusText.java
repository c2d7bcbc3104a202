package dev.ardoise.console.operations;

/** Reads one gauge out of Prometheus' text format: its largest value over every series (tags) it has. */
final class PrometheusText {
    private PrometheusText() {
    }

    /** The largest value of the metric, or null when it is not there. */
    static Double largest(String text, String metric) {
        Double largest = null;
        for (String line : text.split("\n")) {
            if (!line.startsWith(metric) || line.length() == metric.length()) {
                continue;
            }
            char next = line.charAt(metric.length());
            if (next != '{' && next != ' ') {
                continue;
            }
            Double value = value(line);
            if (value != null && (largest == null || value > largest)) {
                largest = value;
            }
        }
        return largest;
    }

    /** The sample's value: the first field after the series (a timestamp may follow). */
    private static Double value(String line) {
        int end = line.indexOf('}');
        String[] fields = line.substring(end < 0 ? 0 : end + 1).trim().split("\\s+");
        int at = end < 0 ? 1 : 0;
        if (fields.length <= at) {
            return null;
        }
        try {
            double value = Double.parseDouble(fields[at]);
            return Double.isNaN(value) ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
