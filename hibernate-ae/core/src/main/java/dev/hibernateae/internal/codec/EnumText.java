package dev.hibernateae.internal.codec;

/** The text form of an enum: its name, or its ordinal when the attribute is {@code @Enumerated(ORDINAL)}. */
final class EnumText {
    private EnumText() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static TextForm of(Class<?> type, CodecOptions options) {
        Class<? extends Enum> enumType = (Class<? extends Enum>) type;
        if (options.enumMapping() == CodecOptions.EnumMapping.ORDINAL) {
            return new TextForm(text -> byOrdinal(enumType, text.strip()),
                    value -> Integer.toString(((Enum<?>) value).ordinal()), true);
        }
        return new TextForm(text -> Enum.valueOf(enumType, text.strip()), value -> ((Enum<?>) value).name(), true);
    }

    private static Object byOrdinal(Class<?> type, String text) {
        Object[] constants = type.getEnumConstants();
        int ordinal = Integer.parseInt(text);
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new IllegalArgumentException("no such ordinal");
        }
        return constants[ordinal];
    }
}
