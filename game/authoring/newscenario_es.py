"""The scenario `sticky --lang es new` writes for a Spanish author: the English template's story, keys and
structure, with its texts and comments in neutral Spanish and ``language: es``. Keys, ids, styles, phases and
ratings stay as the format spells them (they are the format, not text). Like the English one, it passes
``sticky check`` with no warning and plays to the end; ``sticky translate PATH --to en`` starts its English.
"""

from __future__ import annotations

TEMPLATE_ES = """\
# yaml-language-server: $schema={schema}
# Un escenario de Sticky Situations. Cada clave se explica en docs/scenario-format.md.
# Después de cada cambio, ejecuta:  sticky --lang es check {name}
format: 1
id: {id}
title: {title}
language: es
business: Estudio de diseño
summary: >-
  Una clienta de hace años quiere un cambio de imagen completo para el viernes, al precio de siempre.
  Tus dos diseñadores ya tienen la semana llena.
goals:
  - Ponle nombre a lo que le costaría al estudio decir que sí, y decir que no.
  - Di con claridad tu límite para los trabajos urgentes.
  - Reconoce lo que aportas y que la clienta no puede reemplazar con facilidad.
player: sam
metrics:                       # revenue, staff_morale y reputation existen siempre
  revenue: {{start: 24000, min: 0, unit: "€/mes", label: Ingresos}}
  staff_morale: {{start: 70}}     # por omisión: min 0, max 100, unit "%"
  reputation: {{start: 75}}
flags:                         # hechos de sí o no que la historia recuerda; todos empiezan en falso
  - rush_promised
characters:
  sam: {{name: Sam, role: Dueño del estudio}}
  dana: {{name: Dana, role: Directora de marketing y clienta de hace años}}
start: the_ask
reflection:                    # una pregunta por punto de decisión, para el juego en grupo y el análisis final
  cost: ¿Cuánto aporta esta clienta en un año, y cuánto le costaría a tu equipo un fin de semana perdido?
  limits: ¿Qué parte de tu política de urgencias no se negocia?
  power: ¿Por qué esta clienta vuelve una y otra vez a tu estudio?
scenes:
  the_ask:
    phase: situation             # situation | cost | limits | power | resolution
    speaker: dana
    text: >-
      Necesitamos el cambio de imagen completo para el viernes. Al precio de siempre, claro.
      Ustedes son nuestro estudio.
    choices:
      - id: hear_her_out         # único en todo el archivo
        text: Cuéntame qué hay detrás del viernes.
        style: assertive         # assertive | passive | aggressive | passive-aggressive
        effects: {{reputation: +2}}
        feedback: Preguntar primero muestra que te tomas en serio el pedido antes de prometer nada.
        best: true               # la opción más sólida del coach en esta escena
        next: the_cost
      - id: yes_of_course
        text: Claro que sí, lo sacamos adelante.
        style: passive
        effects: {{staff_morale: -10}}
        set: [rush_promised]
        feedback: Un sí rápido parece amable, pero regalaste el fin de semana de tu equipo sin preguntarle.
        next: the_cost
  the_cost:
    phase: cost
    text: >-
      El viernes significa que todo el equipo trabaje el fin de semana. Perder a Dana costaría una quinta
      parte de los ingresos.
    choices:
      - id: weigh_both
        text: "Cuenta los dos costos: el fin de semana del equipo y la cuenta del estudio."
        style: assertive
        feedback: Nombrar el costo de actuar y el costo de no actuar es el primer punto de decisión.
        best: true
        next: the_limit
      - id: think_of_the_money
        text: No podemos perder esta cuenta. El equipo lo va a entender.
        style: passive
        effects: {{staff_morale: -10}}
        feedback: Contaste un costo y dejaste fuera el de tu equipo.
        next: the_limit
  the_limit:
    phase: limits
    speaker: dana
    text: ¿Entonces, el viernes?
    choices:
      - id: rush_fee
        text: El viernes es posible con nuestro recargo de urgencia del 30 %. Si no, el miércoles, al precio de siempre.
        style: assertive
        effects: {{revenue: +3000}}
        feedback: Un límite claro con dos opciones deja que la clienta elija sin quedar mal.
        best: true
        next: the_power
      - id: take_it_or_leave_it
        text: El viernes es un disparate. Lo tomas o lo dejas.
        style: aggressive
        effects: {{reputation: -15}}
        feedback: El límite era correcto; el tono lo convirtió en una pelea.
        next: the_power
      - id: fine_friday
        text: Está bien, el viernes.
        style: passive
        when: "not rush_promised"    # se ofrece solo mientras se cumpla esta condición
        effects: {{staff_morale: -15}}
        set: [rush_promised]
        feedback: Ceder otra vez hace que el próximo pedido urgente sea cosa segura.
        next: the_power
  the_power:
    phase: power
    speaker: dana
    text: Otros estudios lo harían por menos.
    choices:
      - id: name_your_value
        text: Puede ser. Vuelves con nosotros porque conocemos tu marca y cumplimos. Eso es lo que protege el recargo.
        style: assertive
        feedback: Nombraste lo que aportas, con calma. Ese es tu poder en la negociación.
        best: true
        chance:                  # decide el azar, con estas probabilidades (suman 1)
          - {{p: 0.8, next: terms_kept}}
          - {{p: 0.2, next: she_went_elsewhere, note: Dana ya le había prometido el viernes a su jefe.}}
      - id: drop_the_fee
        text: Está bien, sin recargo de urgencia.
        style: passive
        effects: {{revenue: -3000, staff_morale: -5}}
        feedback: Quitar el recargo al primer empujón le dice a la clienta que tu límite era un farol.
        next:                    # la primera rama cuya condición se cumple; la última no tiene condición
          - {{when: "rush_promised", next: burned_out}}
          - {{next: terms_kept}}
rules:                           # se revisan después de cada opción
  - id: team_pushes_back
    when: "staff_morale < 50"
    effects: {{reputation: -5}}
    text: Tu diseñadora principal pregunta, en voz baja, si los fines de semana son la nueva normalidad.
endings:
  terms_kept:
    rating: good                 # best | good | fair | poor | bad
    title: Condiciones que puedes sostener
    text: Dana acepta. El trabajo se hace y las condiciones del estudio se mantienen.
  she_went_elsewhere:
    rating: fair
    title: Esta vez se fue a otro lado
    text: Dana lleva este trabajo a otro estudio. Tu equipo conserva su fin de semana y tus condiciones siguen en pie.
  burned_out:
    rating: poor
    title: Un fin de semana que no se recupera
    text: El trabajo se entrega, el equipo está agotado y Dana espera lo mismo el mes que viene.
"""
