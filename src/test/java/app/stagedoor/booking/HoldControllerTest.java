package app.stagedoor.booking;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.stagedoor.concert.NotAdmitted;
import app.stagedoor.concert.SeatStatus;
import app.stagedoor.concert.SeatView;
import app.stagedoor.member.MemberPrincipal;
import app.stagedoor.member.Role;
import app.stagedoor.shared.SeatPlace;
import app.stagedoor.web.PageTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The seat map's hold form: on to checkout, or back to the map with the reason. */
@PageTest(HoldController.class)
class HoldControllerTest {

    static final MemberPrincipal FAN = new MemberPrincipal(5, "fan", Role.FAN);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Holds holds;

    @Test
    void a_hold_leads_to_checkout() throws Exception {
        var saved = TestReservations.held(42, 5, java.time.Instant.now());
        given(holds.hold(5, 8, List.of(81L))).willReturn(saved);
        mvc.perform(post("/performances/8/holds")
                        .param("seatIds", "81")
                        .with(user(FAN))
                        .with(csrf()))
                .andExpect(redirectedUrl("/reservations/42/checkout"));
    }

    @Test
    void seats_taken_meanwhile_send_the_fan_back_to_the_map_saying_which() throws Exception {
        given(holds.hold(5, 8, List.of(81L, 82L)))
                .willThrow(
                        SeatsUnavailable.of(List.of(new SeatView(82, "VIP", 1, 1, 2, 100_000, SeatStatus.RESERVED))));
        mvc.perform(post("/performances/8/holds")
                        .param("seatIds", "81", "82")
                        .with(user(FAN))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(redirectedUrl("/performances/8/seats"))
                .andExpect(flash().attribute("takenSeats", List.of(new SeatPlace("VIP", 1, 2))));
    }

    @Test
    void a_fan_whose_admission_ended_goes_back_to_the_waiting_room() throws Exception {
        given(holds.hold(5, 8, List.of(81L))).willThrow(new NotAdmitted(3L));
        mvc.perform(post("/performances/8/holds")
                        .param("seatIds", "81")
                        .with(user(FAN))
                        .with(csrf()))
                .andExpect(redirectedUrl("/concerts/3/waiting-room"));
    }

    @Test
    void words_for_seats_are_a_bad_request_not_a_missing_page() throws Exception {
        mvc.perform(post("/performances/8/holds")
                        .param("seatIds", "abc")
                        .with(user(FAN))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The request could not be read.")));
        verify(holds, never()).hold(anyLong(), anyLong(), anyList());
    }
}
