package dev.ardoise.console.operations;

/** A whole number a form sends (a partition, an offset, a version): checked, or refused naming the field. */
final class Numbers {
    private Numbers() {
    }

    /** @throws InvalidField naming the field when the value is missing, not a whole number, or out of 0..most */
    static long whole(String field, String value, long most) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "required");
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number < 0 || number > most) {
                throw new InvalidField(field, "between 0 and " + most);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "a whole number");
        }
    }
}
