package org.spinecell.platform;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals on server-rendered pages: a record that is missing or belongs to another clinic shows
 * the not-found page with status 404, a conflict shows the error page with 409 — never a 500.
 * JSON controllers are answered by {@link ApiProblemHandler}, which takes precedence.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorAdvice {

	@ExceptionHandler(Refusal.class)
	ModelAndView refused(Refusal ex, HttpServletResponse response) {
		HttpStatus status = ApiProblemHandler.status(ex);
		response.setStatus(status.value());
		ModelAndView view = new ModelAndView("error");
		view.addObject("status", status.value());
		view.setStatus(status);
		return view;
	}

}
