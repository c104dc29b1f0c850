package app.stagedoor.booking;

import app.stagedoor.ClockedTest;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;

/** The races with the default guard, one conditional UPDATE; on H2 and on MariaDB. */
@ClockedTest
@Tag("database")
class ConditionalUpdateHoldRaceTest extends HoldRaceTests {

    @Autowired
    Holds holds;

    @Override
    Holds holds() {
        return holds;
    }
}
