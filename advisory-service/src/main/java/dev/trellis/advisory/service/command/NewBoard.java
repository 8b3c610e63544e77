package dev.trellis.advisory.service.command;

import dev.trellis.advisory.domain.BoardKind;

/** Create a board; its name is unique, compared case-insensitively. */
public record NewBoard(String name, BoardKind kind) {
}
