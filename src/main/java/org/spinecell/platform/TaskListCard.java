package org.spinecell.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The dashboard's first card for clinical staff: "Waiting on you", every task the modules' task
 * sources name for the signed-in user, so that a release that needs four people tells each of
 * them early instead of at the time-out.
 */
@Component
@Order(0)
class TaskListCard implements DashboardCard {

	/** At most this many tasks are listed; the card says how many more there are. */
	static final int SHOWN = 30;

	private final ObjectProvider<TaskSource> sources;

	TaskListCard(ObjectProvider<TaskSource> sources) {
		this.sources = sources;
	}

	@Override
	public String template() {
		return "tasks-card";
	}

	@Override
	public void addTo(Model model) {
		CurrentUser user = CurrentUser.find().orElse(null);
		boolean shown = user != null && (user.hasRole(Role.PHYSICIAN) || user.hasRole(Role.COORDINATOR)
				|| user.hasRole(Role.LAB));
		model.addAttribute("tasksShown", shown);
		if (!shown) {
			return;
		}
		List<TaskSource.Task> tasks = new ArrayList<>();
		sources.orderedStream().forEach(source -> tasks.addAll(source.tasksFor(user)));
		model.addAttribute("tasks", tasks.stream().limit(SHOWN).toList());
		model.addAttribute("moreTasks", Math.max(0, tasks.size() - SHOWN));
	}

}
