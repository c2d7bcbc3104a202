package dev.ardoise.notification.domain;

import java.util.List;

/** The store as its emails present it. */
public record Store(String name, List<String> addressLines, String phone) {
    public Store {
        addressLines = addressLines.stream().filter(line -> line != null && !line.isBlank()).toList();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
