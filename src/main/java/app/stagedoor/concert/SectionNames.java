package app.stagedoor.concert;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Locale;

/**
 * Section names compared as MariaDB's and MySQL's default collations compare them: letter case and
 * accents do not count ({@code VIP} and {@code vip}, {@code e} and {@code é} are one name), nor do
 * spaces around the name. Two such names in one seat map are refused as duplicates on every
 * database, rather than passing on H2 and failing the unique key on MariaDB.
 */
final class SectionNames {

    private SectionNames() {}

    static CollationKey key(String name) {
        var collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.PRIMARY);
        collator.setDecomposition(Collator.FULL_DECOMPOSITION);
        return collator.getCollationKey(name.strip());
    }
}
