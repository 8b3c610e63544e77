package dev.trellis.archfixture.good.domain;

public record Thing(String name) {
}
